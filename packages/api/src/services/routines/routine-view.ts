import {
  companies,
  companyContacts,
  type Executor,
  profiles,
  routines,
  rules,
  siteRules,
  sites,
  users,
} from "@interventions/db";
import type { ObligationStatus } from "@interventions/domain";
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { readObligations } from "../compliance/obligations";

/** A routine as the dashboard shows it: what it plans, for whom, how early, and where its obligation stands. */
export interface RoutineView {
  id: number;
  siteRuleId: number;
  site: { id: number; name: string };
  rule: { id: number; code: string; name: string; periodicityMonths: number };
  /** A provider's contact the checks are assigned to, with their company. */
  assignedContact: { id: number; name: string; companyName: string } | null;
  /** A member of the organization the checks are assigned to. */
  assignedProfile: { id: number; name: string } | null;
  leadDays: number;
  active: boolean;
  /** null when the site is archived: there is no obligation left to plan for. */
  obligation: {
    status: ObligationStatus;
    dueAt: string | null;
    nextIntervention: { id: number; scheduledStart: string } | null;
  } | null;
}

export interface RoutineFilter {
  routineId?: number | undefined;
  siteId?: number | undefined;
  ruleId?: number | undefined;
}

/**
 * The organization's routines on its sites in use (by site, then rule), people named, in one query; and their
 * obligations in one more, the set-based read the Compliance page makes.
 */
export async function readRoutineViews(
  db: Executor,
  organizationId: number,
  filter: RoutineFilter,
  now: Date,
): Promise<RoutineView[]> {
  const conditions: SQL[] = [eq(routines.organizationId, organizationId), isNull(sites.archivedAt)];
  if (filter.routineId !== undefined) conditions.push(eq(routines.id, filter.routineId));
  if (filter.siteId !== undefined) conditions.push(eq(siteRules.siteId, filter.siteId));
  if (filter.ruleId !== undefined) conditions.push(eq(siteRules.ruleId, filter.ruleId));
  const rows = await db
    .select({
      id: routines.id,
      siteRuleId: routines.siteRuleId,
      leadDays: routines.leadDays,
      active: routines.active,
      site: { id: sites.id, name: sites.name },
      rule: { id: rules.id, code: rules.code, name: rules.name, periodicityMonths: rules.periodicityMonths },
      contactId: companyContacts.id,
      contactFirstName: companyContacts.firstName,
      contactLastName: companyContacts.lastName,
      companyName: companies.name,
      profileId: profiles.id,
      userFirstName: users.firstName,
      userLastName: users.lastName,
    })
    .from(routines)
    .innerJoin(
      siteRules,
      and(eq(siteRules.id, routines.siteRuleId), eq(siteRules.organizationId, routines.organizationId)),
    )
    .innerJoin(sites, eq(sites.id, siteRules.siteId))
    .innerJoin(rules, eq(rules.id, siteRules.ruleId))
    .leftJoin(
      companyContacts,
      and(
        eq(companyContacts.id, routines.assignedCompanyContactId),
        eq(companyContacts.organizationId, routines.organizationId),
      ),
    )
    .leftJoin(companies, eq(companies.id, companyContacts.companyId))
    // A member who left is nobody: the generator assigns them nothing either.
    .leftJoin(
      profiles,
      and(
        eq(profiles.id, routines.assignedProfileId),
        eq(profiles.organizationId, routines.organizationId),
        isNull(profiles.deletedAt),
      ),
    )
    .leftJoin(users, eq(users.id, profiles.userId))
    .where(and(...conditions))
    .orderBy(asc(sites.name), asc(rules.code), asc(routines.id));
  if (rows.length === 0) return [];

  const only = rows.length === 1 ? rows[0] : undefined;
  const obligations = await readObligations(
    db,
    organizationId,
    only ? { siteId: only.site.id, ruleId: only.rule.id } : { siteId: filter.siteId, ruleId: filter.ruleId },
    now,
  );
  const obligationOf = new Map(obligations.map((obligation) => [obligation.siteRuleId, obligation]));

  return rows.map((row) => {
    const obligation = obligationOf.get(row.siteRuleId);
    return {
      id: row.id,
      siteRuleId: row.siteRuleId,
      site: row.site,
      rule: row.rule,
      assignedContact:
        row.contactId === null
          ? null
          : {
              id: row.contactId,
              name: `${row.contactFirstName} ${row.contactLastName}`,
              companyName: row.companyName ?? "",
            },
      assignedProfile:
        row.profileId === null ? null : { id: row.profileId, name: `${row.userFirstName} ${row.userLastName}` },
      leadDays: row.leadDays,
      active: row.active,
      obligation: obligation
        ? {
            status: obligation.status,
            dueAt: obligation.dueAt?.toISOString() ?? null,
            nextIntervention: obligation.nextIntervention && {
              id: obligation.nextIntervention.id,
              scheduledStart: obligation.nextIntervention.scheduledStart.toISOString(),
            },
          }
        : null,
    };
  });
}
