import { organizations, routines, siteRules } from "@interventions/db";
import { CreationStatus, obligationState, occurrenceToPlan, RuleKind, routineCheckWindow } from "@interventions/domain";
import { and, asc, eq, exists } from "drizzle-orm";
import { serviceAuthor, type WriteContext, type WriteDeps } from "../../context";
import { findContact, findProfile } from "../interventions/lookups/people";
import { insertPlannedPreventives, type PlannedPreventive } from "../interventions/planning/insert-preventive";
import { readObligationFacts } from "./obligation-facts";
import { organizationCalendar } from "./organization-calendar";
import { remindObligations } from "./remind-obligations";

/**
 * Plans, in one transaction, the next check of every active routine of an organization whose obligation
 * comes due within the routine's lead time and has nothing planned. Returns how many it planned.
 *
 * Generators of one organization take turns on its routines' rows, so each one reads what the one before
 * committed; the routine's occurrence key is what makes a retry or a race plan nothing twice.
 */
export async function planDueChecks(deps: WriteDeps, organizationId: number, now: Date): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const active = await tx
      .select()
      .from(routines)
      .where(and(eq(routines.organizationId, organizationId), eq(routines.active, true)))
      .orderBy(asc(routines.id))
      .for("update");
    if (active.length === 0) return 0;
    const calendar = await organizationCalendar(tx, organizationId);
    const facts = new Map(
      (await readObligationFacts(tx, organizationId, {})).map((fact) => [fact.siteRuleId, fact] as const),
    );
    const ctx: WriteContext = { ...deps, actor: serviceAuthor(organizationId), now };
    // A few assignees take the checks of many routines: each is looked up once per pass.
    const contactOf = memoize((id: number) => findContact(tx, organizationId, id));
    const profileOf = memoize((id: number) => findProfile(tx, organizationId, id));

    const plans: PlannedPreventive[] = [];
    for (const routine of active) {
      // A site archived, or a rule that is a drill: nothing a preventive check covers.
      const fact = facts.get(routine.siteRuleId);
      if (!fact || fact.ruleKind !== RuleKind.check) continue;
      const obligation = obligationState({
        lastDone: fact.lastDone,
        periodicityMonths: fact.periodicityMonths,
        now,
        ...calendar,
      });
      const dueAt = occurrenceToPlan({
        obligation,
        planned: fact.nextIntervention !== null,
        routine,
        timeZone: calendar.timeZone,
        now,
      });
      if (!dueAt) continue;
      const contactId = routine.assignedCompanyContactId;
      const profileId = routine.assignedProfileId;
      plans.push({
        siteRules: [{ id: fact.siteRuleId, siteId: fact.siteId, ruleId: fact.ruleId, kind: fact.ruleKind }],
        ...routineCheckWindow(dueAt),
        creationStatus: CreationStatus.toScheduled,
        description: null,
        contact: contactId === null ? undefined : await contactOf(contactId),
        profile: profileId === null ? undefined : await profileOf(profileId),
        routine: { id: routine.id, dueAt },
      });
    }
    // All at once: a pass that finds hundreds due after downtime costs a few statements, not hundreds.
    const ids = await insertPlannedPreventives(tx, ctx, plans);
    return ids.filter((id) => id !== null).length;
  });
}

function memoize<T>(find: (id: number) => Promise<T>): (id: number) => Promise<T> {
  const found = new Map<number, Promise<T>>();
  return (id) => {
    let result = found.get(id);
    if (!result) {
      result = find(id);
      found.set(id, result);
    }
    return result;
  };
}

export interface RoutinesRun {
  organization: { id: number; slug: string; name: string };
  /** Checks planned. */
  planned: number;
  /** Obligations whose people were told they are due soon or overdue. */
  reminded: number;
}

export class UnknownOrganizationError extends Error {
  override name = "UnknownOrganizationError";
}

/**
 * One pass of the routine generator over every organization that has a site rule (or over one, by its
 * slug): the due checks planned, then the reminders given, one transaction each. Safe to run at any
 * moment, from any number of processes.
 */
export async function runRoutines(
  deps: WriteDeps,
  options: { now: Date; organizationSlug?: string | undefined },
): Promise<RoutinesRun[]> {
  const withObligations = exists(
    deps.db.select({ id: siteRules.id }).from(siteRules).where(eq(siteRules.organizationId, organizations.id)),
  );
  const bySlug = options.organizationSlug === undefined ? undefined : eq(organizations.slug, options.organizationSlug);
  const selected = await deps.db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(bySlug ?? withObligations)
    .orderBy(asc(organizations.id));
  if (options.organizationSlug !== undefined && selected.length === 0) {
    throw new UnknownOrganizationError(`no organization has the slug "${options.organizationSlug}"`);
  }
  const runs: RoutinesRun[] = [];
  for (const organization of selected) {
    const planned = await planDueChecks(deps, organization.id, options.now);
    const reminded = await remindObligations(deps, organization.id, options.now);
    runs.push({ organization, planned, reminded });
  }
  return runs;
}
