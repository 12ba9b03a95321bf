import {
  anomalies,
  companies,
  companyContacts,
  type Executor,
  interventionAnomalies,
  interventions,
  profiles,
  rules,
  siteRules,
  sites,
  users,
} from "@interventions/db";
import {
  ACTIVE_STATUSES,
  type AnomalyFacts,
  InterventionType,
  type RuleFacts,
  type RuleKind,
  type SiteRuleFacts,
} from "@interventions/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";

// Loaders for the ids a request names, always within one organization: another organization's rows
// are simply not found.

export async function findCompanyIds(db: Executor, organizationId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.organizationId, organizationId), inArray(companies.id, ids)));
  return rows.map((row) => row.id);
}

export async function findSiteIds(db: Executor, organizationId: number, ids: number[]): Promise<number[]> {
  const rows = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, ids), isNull(sites.archivedAt)));
  return rows.map((row) => row.id);
}

export async function findRules(db: Executor, organizationId: number, ids: number[]): Promise<RuleFacts[]> {
  const rows = await db
    .select({ id: rules.id, kind: rules.kind })
    .from(rules)
    .where(and(eq(rules.organizationId, organizationId), inArray(rules.id, ids)));
  return rows.map((row) => ({ id: row.id, kind: row.kind }));
}

export async function findSiteRules(
  db: Executor,
  organizationId: number,
  filter: { siteIds?: number[]; ruleIds?: number[]; ids?: number[] },
): Promise<(SiteRuleFacts & { ruleKind: RuleKind })[]> {
  const conditions = [eq(siteRules.organizationId, organizationId)];
  if (filter.siteIds) conditions.push(inArray(siteRules.siteId, filter.siteIds));
  if (filter.ruleIds) conditions.push(inArray(siteRules.ruleId, filter.ruleIds));
  if (filter.ids) conditions.push(inArray(siteRules.id, filter.ids));
  return db
    .select({ id: siteRules.id, siteId: siteRules.siteId, ruleId: siteRules.ruleId, ruleKind: rules.kind })
    .from(siteRules)
    .innerJoin(rules, eq(rules.id, siteRules.ruleId))
    .where(and(...conditions));
}

export interface ContactFacts {
  id: number;
  companyId: number;
  email: string;
  name: string;
  locale: string;
}

export async function findContact(db: Executor, organizationId: number, id: number): Promise<ContactFacts | undefined> {
  const [row] = await db
    .select()
    .from(companyContacts)
    .where(and(eq(companyContacts.organizationId, organizationId), eq(companyContacts.id, id)));
  return (
    row && {
      id: row.id,
      companyId: row.companyId,
      email: row.email,
      name: `${row.firstName} ${row.lastName}`,
      locale: row.locale,
    }
  );
}

export interface ProfileFacts {
  id: number;
  userId: number;
  email: string;
  name: string;
  locale: string;
}

function profileQuery(db: Executor) {
  return db
    .select({
      id: profiles.id,
      userId: profiles.userId,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      locale: users.locale,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId));
}

function toProfileFacts(row: Awaited<ReturnType<typeof profileQuery>>[number]): ProfileFacts {
  return {
    id: row.id,
    userId: row.userId,
    email: row.email,
    name: `${row.firstName} ${row.lastName}`,
    locale: row.locale,
  };
}

/** A member of the organization, found by profile id. */
export async function findProfile(
  db: Executor,
  organizationId: number,
  profileId: number,
): Promise<ProfileFacts | undefined> {
  const [row] = await profileQuery(db).where(
    and(eq(profiles.organizationId, organizationId), eq(profiles.id, profileId), isNull(profiles.deletedAt)),
  );
  return row && toProfileFacts(row);
}

/** A member of the organization, found by user id. */
export async function findProfileOfUser(
  db: Executor,
  organizationId: number,
  userId: number,
): Promise<ProfileFacts | undefined> {
  const [row] = await profileQuery(db).where(
    and(eq(profiles.organizationId, organizationId), eq(profiles.userId, userId), isNull(profiles.deletedAt)),
  );
  return row && toProfileFacts(row);
}

/** The technician's membership behind a company contact, when the contact signs in (a provider profile). */
export async function findProfileOfContact(
  db: Executor,
  organizationId: number,
  contactId: number,
): Promise<ProfileFacts | undefined> {
  const [row] = await profileQuery(db).where(
    and(
      eq(profiles.organizationId, organizationId),
      eq(profiles.companyContactId, contactId),
      isNull(profiles.deletedAt),
    ),
  );
  return row && toProfileFacts(row);
}

/** Anomalies with the undecided curative covering each, locked so that two curatives cannot take the same one. */
export async function lockAnomalies(
  db: Executor,
  organizationId: number,
  ids: number[],
): Promise<(AnomalyFacts & { siteId: number })[]> {
  const rows = await db
    .select({ id: anomalies.id, status: anomalies.status, siteId: anomalies.siteId })
    .from(anomalies)
    .where(and(eq(anomalies.organizationId, organizationId), inArray(anomalies.id, ids)))
    .orderBy(anomalies.id)
    .for("update");
  if (rows.length === 0) return [];
  const covering = await db
    .select({ anomalyId: interventionAnomalies.anomalyId, interventionId: interventions.id })
    .from(interventionAnomalies)
    .innerJoin(interventions, eq(interventions.id, interventionAnomalies.interventionId))
    .where(
      and(
        inArray(
          interventionAnomalies.anomalyId,
          rows.map((row) => row.id),
        ),
        eq(interventions.type, InterventionType.curative),
        inArray(interventions.status, [...ACTIVE_STATUSES]),
        isNull(interventions.deletedAt),
      ),
    );
  const coveringById = new Map(covering.map((row) => [row.anomalyId, row.interventionId]));
  return rows.map((row) => ({
    id: row.id,
    siteId: row.siteId,
    status: row.status,
    activeCurativeId: coveringById.get(row.id) ?? null,
  }));
}
