import { randomUUID } from "node:crypto";
import { type Database, interventions, linkSiteRules, linkSites, rules, siteRules, sites } from "@interventions/db";
import { CreationStatus, InterventionStatus, InterventionType, RuleKind } from "@interventions/domain";

// An obligation of its own for a test: a new site and a new rule of an organization, applied to each
// other, so that the seed's interventions never cover it.

let serial = 0;

export interface FreshObligation {
  organizationId: number;
  siteId: number;
  ruleId: number;
  siteRuleId: number;
}

export async function freshObligation(
  db: Database,
  organizationId: number,
  rule: { kind?: RuleKind; periodicityMonths: number },
): Promise<FreshObligation> {
  serial += 1;
  const number = serial;
  const [site] = await db
    .insert(sites)
    .values({
      organizationId,
      name: `Test site ${number}`,
      address: "1 rue du Test",
      postalCode: "69000",
      city: "Lyon",
    })
    .returning({ id: sites.id });
  const [created] = await db
    .insert(rules)
    .values({
      organizationId,
      code: `TEST-${number}-${randomUUID().slice(0, 8)}`,
      name: `Test rule ${number}`,
      kind: rule.kind ?? RuleKind.check,
      periodicityMonths: rule.periodicityMonths,
    })
    .returning({ id: rules.id });
  if (!site || !created) throw new Error("fixture insert returned nothing");
  const [siteRule] = await db
    .insert(siteRules)
    .values({ organizationId, siteId: site.id, ruleId: created.id })
    .returning({ id: siteRules.id });
  if (!siteRule) throw new Error("fixture insert returned nothing");
  return { organizationId, siteId: site.id, ruleId: created.id, siteRuleId: siteRule.id };
}

const CREATION_OF: Record<InterventionStatus, CreationStatus> = {
  [InterventionStatus.toSchedule]: CreationStatus.toScheduled,
  [InterventionStatus.scheduled]: CreationStatus.scheduled,
  [InterventionStatus.inProgress]: CreationStatus.scheduled,
  [InterventionStatus.awaitingVerification]: CreationStatus.done,
  [InterventionStatus.accepted]: CreationStatus.done,
  [InterventionStatus.rejected]: CreationStatus.done,
  [InterventionStatus.cancelled]: CreationStatus.scheduled,
};

/** Work covering the obligation: a preventive linking its site rule (check) or a drill of its rule there. */
export async function coveringIntervention(
  db: Database,
  obligation: FreshObligation,
  work: { kind: RuleKind; status: InterventionStatus; scheduledEnd: Date; actualEnd?: Date | null },
): Promise<number> {
  const scheduledStart = new Date(work.scheduledEnd.getTime() - 2 * 3_600_000);
  const drill = work.kind === RuleKind.exercise;
  const [row] = await db
    .insert(interventions)
    .values({
      organizationId: obligation.organizationId,
      type: drill ? InterventionType.trainingExercise : InterventionType.preventive,
      status: work.status,
      creationStatus: CREATION_OF[work.status],
      scheduledStart,
      scheduledEnd: work.scheduledEnd,
      actualEnd: work.actualEnd ?? null,
      ruleId: drill ? obligation.ruleId : null,
    })
    .returning({ id: interventions.id });
  if (!row) throw new Error("fixture insert returned nothing");
  await linkSites(db, [{ interventionId: row.id, siteId: obligation.siteId }]);
  if (!drill) await linkSiteRules(db, [{ interventionId: row.id, siteRuleId: obligation.siteRuleId }]);
  return row.id;
}
