import { interventionSiteRules, interventionSites, interventions, rules, siteRules, sites } from "@interventions/db";
import {
  ACTIVE_STATUSES,
  AnomalyStatus,
  DomainError,
  ErrorCode,
  InterventionStatus,
  InterventionType,
  isOverdue,
  OPEN_STATUSES,
  Operation,
  roleAllows,
  siteIdInput,
} from "@interventions/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { listAnomalies } from "../anomalies/list-anomalies";
import { type Obligation, readObligations } from "../compliance/obligations";
import { inIds } from "../id-array";
import { interventionScope } from "../interventions/read/scope";
import { defineVerb } from "../verb";

const DONE_STATUSES: readonly number[] = [InterventionStatus.awaitingVerification, InterventionStatus.accepted];

/**
 * A site's safety register: each rule that applies with where its obligation stands, its last and next
 * interventions, and the site's open anomalies. Where obligations stand is the client's register: a provider's
 * technician, who reads only their own work here, gets none.
 */
export const getSiteRegister = defineVerb({ operation: Operation.read, input: siteIdInput }, async ({ ctx, input }) => {
  const organizationId = ctx.actor.organizationId;
  const [site] = await ctx.db
    .select()
    .from(sites)
    .where(and(eq(sites.id, input.siteId), eq(sites.organizationId, organizationId)));
  if (!site) throw new DomainError(ErrorCode.notFound, `Site ${input.siteId} not found`);

  const readsCompliance = roleAllows(ctx.actor.role, Operation.readCompliance);
  const [ruleRows, siteInterventions, openAnomalies, obligations] = await Promise.all([
    ctx.db
      .select({
        siteRuleId: siteRules.id,
        ruleId: rules.id,
        code: rules.code,
        name: rules.name,
        kind: rules.kind,
        periodicityMonths: rules.periodicityMonths,
      })
      .from(siteRules)
      .innerJoin(rules, eq(rules.id, siteRules.ruleId))
      .where(eq(siteRules.siteId, site.id))
      .orderBy(asc(rules.code)),
    ctx.db
      .select({
        id: interventions.id,
        type: interventions.type,
        status: interventions.status,
        ruleId: interventions.ruleId,
        scheduledStart: interventions.scheduledStart,
        scheduledEnd: interventions.scheduledEnd,
        actualEnd: interventions.actualEnd,
      })
      .from(interventionSites)
      .innerJoin(interventions, eq(interventions.id, interventionSites.interventionId))
      .where(
        and(
          eq(interventionSites.siteId, site.id),
          interventionScope(ctx.actor),
          inArray(interventions.status, [...ACTIVE_STATUSES, InterventionStatus.accepted]),
        ),
      ),
    listAnomalies({ ctx, input: { siteId: site.id, status: AnomalyStatus.open } }),
    readsCompliance ? readObligations(ctx.db, organizationId, { siteId: site.id }, ctx.now) : [],
  ]);
  const obligationOf = new Map<number, Obligation>(obligations.map((item) => [item.siteRuleId, item]));
  const links =
    ruleRows.length === 0
      ? []
      : await ctx.db
          .select({
            interventionId: interventionSiteRules.interventionId,
            siteRuleId: interventionSiteRules.siteRuleId,
          })
          .from(interventionSiteRules)
          .where(
            inIds(
              interventionSiteRules.siteRuleId,
              ruleRows.map((rule) => rule.siteRuleId),
            ),
          );

  const register = ruleRows.map((rule) => {
    const linked = new Set(
      links.filter((link) => link.siteRuleId === rule.siteRuleId).map((link) => link.interventionId),
    );
    const covering = siteInterventions.filter(
      (item) => linked.has(item.id) || (item.type === InterventionType.trainingExercise && item.ruleId === rule.ruleId),
    );
    const doneAt = (item: (typeof covering)[number]) => (item.actualEnd ?? item.scheduledEnd).getTime();
    const last = covering
      .filter((item) => DONE_STATUSES.includes(item.status))
      .sort((a, b) => doneAt(b) - doneAt(a))[0];
    const next = covering
      .filter((item) => (OPEN_STATUSES as readonly number[]).includes(item.status))
      .sort((a, b) => a.scheduledStart.getTime() - b.scheduledStart.getTime())[0];
    const obligation = obligationOf.get(rule.siteRuleId);
    return {
      ...rule,
      obligation: obligation ? { status: obligation.status, dueAt: obligation.dueAt?.toISOString() ?? null } : null,
      last: last ? { id: last.id, status: last.status, doneAt: new Date(doneAt(last)).toISOString() } : null,
      next: next
        ? {
            id: next.id,
            status: next.status,
            scheduledStart: next.scheduledStart.toISOString(),
            overdue: isOverdue(next.status, next.scheduledEnd, ctx.now),
          }
        : null,
    };
  });
  return { site, rules: register, openAnomalies };
});
