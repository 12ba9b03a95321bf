import {
  anomalies,
  companyContacts,
  type Database,
  emailOutbox,
  interventionAnomalies,
  interventionEvents,
  interventionSiteRules,
  interventionSites,
  interventions,
  notifications,
  organizations,
  profiles,
  rules,
  siteRules,
  sites,
  users,
} from "@interventions/db";
import { AnomalySeverity, AnomalyStatus, ProfileRole, RuleKind } from "@interventions/domain";
import { asc, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { expect } from "vitest";

// Shared by the endpoint-*.test.ts files: the documented paths, the seed's ids looked up by name,
// fresh targets, and the "nothing was written" snapshot.

import { expectProblem } from "./requests";

export { expectProblem };

export const PATHS = {
  unplanned: "/interventions/v2/mb/preventive/unplanned",
  curative: "/interventions/v2/rs/curative",
  preventive: (id: number | string) => `/interventions/v2/rs/preventive/${id}`,
  trainingExercise: (id: number | string) => `/interventions/v2/rs/training-exercise/${id}`,
  verify: (id: number | string) => `/interventions/v2/rs/${id}/verify`,
};

export const ACME = "acme-properties";
export const LYCEE = "lycee-victor-hugo";

export interface OrgFixture {
  id: number;
  siteIds: number[];
  checkRuleIds: number[];
  exerciseRuleIds: number[];
  siteRules: { id: number; siteId: number; ruleId: number; kind: number }[];
  contacts: { id: number; companyId: number; email: string }[];
  /** The company of the organization's demo technician. */
  technicianCompanyId: number;
  /** Another company of the organization (not the technician's). */
  otherCompanyId: number;
  /** Profiles allowed to verify (admins and managers). */
  verifierProfileIds: number[];
}

export interface SeedFixture {
  acme: OrgFixture;
  lycee: OrgFixture;
  userId(email: string): number;
  profileId(email: string, organizationId: number): number;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed fixture: no ${what}`);
  return value;
}

async function loadOrg(db: Database, slug: string): Promise<OrgFixture> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  const id = must(org, `organization ${slug}`).id;
  const siteRows = await db.select({ id: sites.id }).from(sites).where(eq(sites.organizationId, id)).orderBy(sites.id);
  const ruleRows = await db.select().from(rules).where(eq(rules.organizationId, id)).orderBy(rules.id);
  const siteRuleRows = await db
    .select({ id: siteRules.id, siteId: siteRules.siteId, ruleId: siteRules.ruleId, kind: rules.kind })
    .from(siteRules)
    .innerJoin(rules, eq(rules.id, siteRules.ruleId))
    .where(eq(siteRules.organizationId, id))
    .orderBy(siteRules.id);
  const contacts = await db
    .select({ id: companyContacts.id, companyId: companyContacts.companyId, email: companyContacts.email })
    .from(companyContacts)
    .where(eq(companyContacts.organizationId, id))
    .orderBy(companyContacts.id);
  const members = await db.select().from(profiles).where(eq(profiles.organizationId, id)).orderBy(profiles.id);
  const technician = members.find((member) => member.role === ProfileRole.provider);
  const technicianCompanyId = must(
    contacts.find((contact) => contact.id === technician?.companyContactId),
    `technician contact in ${slug}`,
  ).companyId;
  const ofKind = (kind: number) => ruleRows.filter((rule) => rule.kind === kind).map((rule) => rule.id);
  return {
    id,
    siteIds: siteRows.map((row) => row.id),
    checkRuleIds: ofKind(RuleKind.check),
    exerciseRuleIds: ofKind(RuleKind.exercise),
    siteRules: siteRuleRows,
    contacts,
    technicianCompanyId,
    otherCompanyId: must(
      contacts.find((contact) => contact.companyId !== technicianCompanyId),
      `second company in ${slug}`,
    ).companyId,
    verifierProfileIds: members
      .filter((member) => member.role === ProfileRole.admin || member.role === ProfileRole.manager)
      .map((member) => member.id),
  };
}

/** The seed's ids, looked up by slug, e-mail and kind rather than assumed. */
export async function loadSeed(db: Database): Promise<SeedFixture> {
  const userRows = await db.select({ id: users.id, email: users.email }).from(users);
  const profileRows = await db.select().from(profiles);
  const userId = (email: string) =>
    must(
      userRows.find((row) => row.email === email),
      `user ${email}`,
    ).id;
  const profileId = (email: string, organizationId: number) =>
    must(
      profileRows.find((row) => row.userId === userId(email) && row.organizationId === organizationId),
      `profile of ${email} in ${organizationId}`,
    ).id;
  return { acme: await loadOrg(db, ACME), lycee: await loadOrg(db, LYCEE), userId, profileId };
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

/** The lowest-id seeded intervention of that organization, type and status. */
export async function seededIntervention(db: Database, organizationId: number, type: number, status: number) {
  const rows = await db.select().from(interventions).orderBy(interventions.id);
  const found = rows.find((r) => r.organizationId === organizationId && r.type === type && r.status === status);
  return must(found, `intervention of org ${organizationId}, type ${type}, status ${status}`).id;
}

/**
 * A fresh copy of the seeded intervention of that type and status, with its site and site-rule links,
 * so that each test changes its own target. Not for curatives (their anomalies are not copied).
 */
export async function freshIntervention(db: Database, organizationId: number, type: number, status: number) {
  const sourceId = await seededIntervention(db, organizationId, type, status);
  const [source] = await db.select().from(interventions).where(eq(interventions.id, sourceId));
  const { id: _id, ...values } = must(source, `intervention ${sourceId}`);
  const [copy] = await db.insert(interventions).values(values).returning({ id: interventions.id });
  const id = must(copy, "copied intervention").id;
  const siteLinks = await db.select().from(interventionSites).where(eq(interventionSites.interventionId, sourceId));
  if (siteLinks.length > 0)
    await db.insert(interventionSites).values(siteLinks.map((link) => ({ ...link, interventionId: id })));
  const ruleLinks = await db
    .select()
    .from(interventionSiteRules)
    .where(eq(interventionSiteRules.interventionId, sourceId));
  if (ruleLinks.length > 0)
    await db.insert(interventionSiteRules).values(ruleLinks.map((link) => ({ ...link, interventionId: id })));
  return id;
}

/** A new open anomaly, covered by no intervention, on a site of the organization. */
export async function openAnomaly(db: Database, org: OrgFixture, siteIndex = 0): Promise<number> {
  const [row] = await db
    .insert(anomalies)
    .values({
      organizationId: org.id,
      siteId: must(org.siteIds[siteIndex], "site"),
      description: "Test anomaly",
      severity: AnomalySeverity.major,
      status: AnomalyStatus.open,
      detectedAt: new Date("2026-11-01T00:00:00.000Z"),
    })
    .returning({ id: anomalies.id });
  return must(row, "anomaly").id;
}

export async function interventionRow(db: Database, id: number) {
  const [row] = await db.select().from(interventions).where(eq(interventions.id, id));
  return must(row, `intervention ${id}`);
}

export async function anomalyStatuses(db: Database, ids: number[]): Promise<number[]> {
  const rows = await db.select({ id: anomalies.id, status: anomalies.status }).from(anomalies);
  const statusById = new Map(rows.map((row) => [row.id, row.status]));
  return ids.map((id) => must(statusById.get(id), `anomaly ${id}`));
}

export function eventsOf(db: Database, interventionId: number) {
  return db
    .select()
    .from(interventionEvents)
    .where(eq(interventionEvents.interventionId, interventionId))
    .orderBy(asc(interventionEvents.id));
}

export function outboxOf(db: Database, interventionId: number) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.interventionId, interventionId)).orderBy(emailOutbox.id);
}

export function notificationsOf(db: Database, interventionId: number) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.interventionId, interventionId))
    .orderBy(notifications.recipientProfileId);
}

const WRITTEN_TABLES: Record<string, PgTable> = {
  interventions,
  interventionEvents,
  emailOutbox,
  notifications,
  anomalies,
  interventionSites,
  interventionSiteRules,
  interventionAnomalies,
};

/** Every row a verb may write, in a comparable form: equal before and after means nothing was written. */
export async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const [name, table] of Object.entries(WRITTEN_TABLES)) {
    const rows: unknown[] = await db.select().from(table);
    result[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

/** An RFC 9457 problem with the status and code, and nothing internal in it. */
/** A 400 VALIDATION_FAILED naming the field (`path`, or a path starting with it). */
export async function expectValidation(response: Response, path: string) {
  const body = await expectProblem(response, 400, "VALIDATION_FAILED");
  const issues = body.errors ?? [];
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
  const paths = issues.map((issue) => issue.path);
  expect(
    paths.some((p) => p === path || p.startsWith(`${path}.`)),
    `${path} in ${JSON.stringify(paths)}`,
  ).toBe(true);
  return body;
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Every datetime field of a response object (…At, …Start, …End, …Date) is null or ISO-8601 UTC. */
export function expectIsoDates(data: Record<string, unknown>) {
  const fields = Object.keys(data).filter((key) => /(At|Start|End|Date)$/.test(key));
  expect(fields).toEqual(expect.arrayContaining(["scheduledStart", "scheduledEnd", "createdAt", "updatedAt"]));
  for (const field of fields) {
    if (data[field] !== null) expect(data[field], field).toMatch(ISO_UTC);
  }
}
