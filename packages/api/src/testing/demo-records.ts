import {
  anomalies,
  companies,
  companyContacts,
  type Database,
  interventionAnomalies,
  interventions,
  profiles,
  rules,
  siteRules,
  sites,
} from "@interventions/db";
import { ACME, type DemoRecords, demoOrganizationId, LYCEE, loadDemoRecords, must } from "@interventions/db/testing";
import {
  AnomalyStatus,
  type InterventionStatus,
  type InterventionType,
  ProfileRole,
  RuleKind,
} from "@interventions/domain";
import { and, asc, eq, isNull } from "drizzle-orm";

// The demo's records by name: each organization's sites, rules, companies, contacts and people, looked up
// by name, code, slug and e-mail, so that no test assumes the ids the seed happened to give them.

export { ACME, demoOrganizationId, LYCEE, must };

export interface OrgFixture {
  id: number;
  slug: string;
  siteIds: number[];
  checkRuleIds: number[];
  exerciseRuleIds: number[];
  siteRules: { id: number; siteId: number; ruleId: number; kind: RuleKind }[];
  contacts: { id: number; companyId: number; email: string }[];
  /** The company of the organization's demo technician. */
  technicianCompanyId: number;
  /** Another company of the organization (not the technician's). */
  otherCompanyId: number;
  /** Profiles allowed to verify (admins and managers). */
  verifierProfileIds: number[];
  /** A site by its name ("Résidence Les Tilleuls"). */
  siteId(name: string): number;
  /** A rule by its code ("EXT", "EVAC"). */
  ruleId(code: string): number;
  /** A company by its name ("Sécurité Incendie Rhône"). */
  companyId(name: string): number;
  /** A company contact by first and last name ("Karim Benali"). */
  contactId(name: string): number;
  /** The seeded open anomaly of that site that no intervention holds: what a curative is created from. */
  uncoveredAnomalyId(siteName: string): number;
}

export interface SeedFixture extends DemoRecords {
  acme: OrgFixture;
  lycee: OrgFixture;
}

/** An organization: the fixture (or anything with its id), or its slug. */
export type OrgRef = { id: number } | string;

/** What a seeded or fresh intervention is picked by. */
export interface InterventionKind {
  type: InterventionType;
  status: InterventionStatus;
}

async function loadOrg(db: Database, slug: string): Promise<OrgFixture> {
  const id = await demoOrganizationId(db, slug);
  const siteRows = await db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(eq(sites.organizationId, id))
    .orderBy(sites.id);
  const ruleRows = await db.select().from(rules).where(eq(rules.organizationId, id)).orderBy(rules.id);
  const siteRuleRows = await db
    .select({ id: siteRules.id, siteId: siteRules.siteId, ruleId: siteRules.ruleId, kind: rules.kind })
    .from(siteRules)
    .innerJoin(rules, eq(rules.id, siteRules.ruleId))
    .where(eq(siteRules.organizationId, id))
    .orderBy(siteRules.id);
  const companyRows = await db.select().from(companies).where(eq(companies.organizationId, id));
  const contactRows = await db
    .select()
    .from(companyContacts)
    .where(eq(companyContacts.organizationId, id))
    .orderBy(companyContacts.id);
  const members = await db.select().from(profiles).where(eq(profiles.organizationId, id)).orderBy(profiles.id);
  // Open, and held by no intervention: the seed's last anomalies, one per site.
  const uncovered = await db
    .select({ id: anomalies.id, siteId: anomalies.siteId })
    .from(anomalies)
    .leftJoin(interventionAnomalies, eq(interventionAnomalies.anomalyId, anomalies.id))
    .where(
      and(
        eq(anomalies.organizationId, id),
        eq(anomalies.status, AnomalyStatus.open),
        isNull(interventionAnomalies.anomalyId),
      ),
    )
    .orderBy(anomalies.id);

  const technician = members.find((member) => member.role === ProfileRole.provider);
  const technicianCompanyId = must(
    contactRows.find((contact) => contact.id === technician?.companyContactId),
    `technician contact in ${slug}`,
  ).companyId;
  const ofKind = (kind: RuleKind) => ruleRows.filter((rule) => rule.kind === kind).map((rule) => rule.id);
  const siteId = (name: string) =>
    must(
      siteRows.find((site) => site.name === name),
      `site ${name} in ${slug}`,
    ).id;
  return {
    id,
    slug,
    siteIds: siteRows.map((row) => row.id),
    checkRuleIds: ofKind(RuleKind.check),
    exerciseRuleIds: ofKind(RuleKind.exercise),
    siteRules: siteRuleRows,
    contacts: contactRows.map(({ id, companyId, email }) => ({ id, companyId, email })),
    technicianCompanyId,
    otherCompanyId: must(
      contactRows.find((contact) => contact.companyId !== technicianCompanyId),
      `second company in ${slug}`,
    ).companyId,
    verifierProfileIds: members
      .filter((member) => member.role === ProfileRole.admin || member.role === ProfileRole.manager)
      .map((member) => member.id),
    siteId,
    ruleId: (code) =>
      must(
        ruleRows.find((rule) => rule.code === code),
        `rule ${code} in ${slug}`,
      ).id,
    companyId: (name) =>
      must(
        companyRows.find((company) => company.name === name),
        `company ${name} in ${slug}`,
      ).id,
    contactId: (name) =>
      must(
        contactRows.find((contact) => `${contact.firstName} ${contact.lastName}` === name),
        `contact ${name} in ${slug}`,
      ).id,
    uncoveredAnomalyId: (siteName) =>
      must(
        uncovered.find((anomaly) => anomaly.siteId === siteId(siteName)),
        `uncovered anomaly on ${siteName}`,
      ).id,
  };
}

/** The seed's ids, looked up by slug, name, code and e-mail rather than assumed. */
export async function loadSeed(db: Database): Promise<SeedFixture> {
  const records = await loadDemoRecords(db);
  return { ...records, acme: await loadOrg(db, ACME), lycee: await loadOrg(db, LYCEE) };
}

/** A check site rule of the organization: its site and rule cover each other. */
export function checkSiteRule(org: OrgFixture, index = 0) {
  return must(org.siteRules.filter((sr) => sr.kind === RuleKind.check)[index], "check site rule");
}

/** A site and a check rule of the organization that do not go together. */
export function uncoveredPair(org: OrgFixture): { siteId: number; ruleId: number } {
  for (const siteId of org.siteIds) {
    for (const ruleId of org.checkRuleIds) {
      if (!org.siteRules.some((sr) => sr.siteId === siteId && sr.ruleId === ruleId)) return { siteId, ruleId };
    }
  }
  throw new Error("seed fixture: every site has every check rule");
}

export async function organizationIdOf(db: Database, org: OrgRef): Promise<number> {
  return typeof org === "string" ? demoOrganizationId(db, org) : org.id;
}

/**
 * The seeded intervention of that organization, type and status (the seed has one of each): the lowest
 * id, so a copy or a row a test creates later is never picked instead.
 */
export async function findIntervention(db: Database, org: OrgRef, { type, status }: InterventionKind) {
  const organizationId = await organizationIdOf(db, org);
  const [row] = await db
    .select()
    .from(interventions)
    .where(
      and(
        eq(interventions.organizationId, organizationId),
        eq(interventions.type, type),
        eq(interventions.status, status),
        isNull(interventions.deletedAt),
      ),
    )
    .orderBy(asc(interventions.id))
    .limit(1);
  return must(row, `intervention of type ${type} in status ${status} in organization ${organizationId}`);
}

/** The id of the seeded intervention of that organization, type and status. */
export async function seededIntervention(db: Database, org: OrgRef, kind: InterventionKind): Promise<number> {
  return (await findIntervention(db, org, kind)).id;
}
