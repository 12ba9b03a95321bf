import type { Executor } from "@interventions/db";
import { type ObligationRow, type ObligationState, obligationState } from "@interventions/domain";
import { type ObligationFacts, readObligationFacts } from "./obligation-facts";
import { organizationCalendar } from "./organization-calendar";

export type Obligation = Omit<ObligationFacts, "lastDone"> & ObligationState;

/** The organization's obligations (or one site's, one rule's) with where each stands at `now`. */
export async function readObligations(
  db: Executor,
  organizationId: number,
  filter: { siteId?: number | undefined; ruleId?: number | undefined },
  now: Date,
): Promise<Obligation[]> {
  const [calendar, facts] = await Promise.all([
    organizationCalendar(db, organizationId),
    readObligationFacts(db, organizationId, filter),
  ]);
  return facts.map(({ lastDone, ...fact }) => ({
    ...fact,
    ...obligationState({ lastDone, periodicityMonths: fact.periodicityMonths, now, ...calendar }),
  }));
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** An obligation as partners read it (the compliance list, the overdue webhook). */
export function toObligationRow(obligation: Obligation): ObligationRow {
  return {
    siteRuleId: obligation.siteRuleId,
    siteId: obligation.siteId,
    ruleId: obligation.ruleId,
    status: obligation.status,
    lastDoneAt: iso(obligation.lastDoneAt),
    pendingVerification: obligation.pendingVerification,
    dueAt: iso(obligation.dueAt),
    nextInterventionId: obligation.nextIntervention?.id ?? null,
    nextScheduledStart: iso(obligation.nextIntervention?.scheduledStart ?? null),
    openAnomalyCount: obligation.openAnomalyCount,
  };
}
