import {
  AnomalySeverity,
  AnomalyStatus,
  CheckType,
  CreationStatus,
  enumValues,
  InterventionStatus,
  InterventionType,
  ProfileRole,
} from "@interventions/domain";
import { linkSiteRules, linkSites } from "../coverage-links";
import { anomalies, interventionAnomalies, interventionEvents, interventions } from "../schema";
import type { SeedContext, SeededOrganization } from "./seed-organization";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const S = InterventionStatus;

/** The anomaly states a curative in each status implies: held while active, settled by the decision. */
const ANOMALY_STATUS_FOR_CURATIVE: Record<InterventionStatus, AnomalyStatus> = {
  [S.toSchedule]: AnomalyStatus.inRepair,
  [S.scheduled]: AnomalyStatus.inRepair,
  [S.inProgress]: AnomalyStatus.inRepair,
  [S.awaitingVerification]: AnomalyStatus.inRepair,
  [S.accepted]: AnomalyStatus.closed,
  [S.rejected]: AnomalyStatus.open,
  [S.cancelled]: AnomalyStatus.open,
};

/** One intervention of every type in every status, with links, anomalies and history that agree. */
export async function seedInterventions(ctx: SeedContext, org: SeededOrganization): Promise<number> {
  let count = 0;
  let anomalyIndex = 0;
  const statuses = enumValues(InterventionStatus);
  for (const type of enumValues(InterventionType)) {
    for (const [index, status] of statuses.entries()) {
      const siteId = org.siteIds[(index + type) % org.siteIds.length] as number;
      const interventionId = await insertIntervention(ctx, org, type, status, index);
      count += 1;
      if (type === InterventionType.preventive) {
        const siteRuleIds = org.checkSiteRulesBySite.get(siteId) ?? [];
        await linkSiteRules(
          ctx.tx,
          siteRuleIds.map((siteRuleId) => ({ interventionId, siteRuleId })),
        );
        await linkSites(ctx.tx, [{ interventionId, siteId }]);
      } else if (type === InterventionType.curative) {
        const anomalyId = await insertAnomaly(ctx, org, siteId, anomalyIndex++, ANOMALY_STATUS_FOR_CURATIVE[status]);
        await ctx.tx.insert(interventionAnomalies).values({ interventionId, anomalyId });
        await linkSites(ctx.tx, [{ interventionId, siteId }]);
      } else {
        const siteIds = [...new Set([siteId, org.siteIds[0] as number])];
        await linkSites(
          ctx.tx,
          siteIds.map((id) => ({ interventionId, siteId: id })),
        );
      }
    }
  }
  // Open anomalies that no intervention covers yet: what a curative is created from.
  for (const siteId of org.siteIds) {
    await insertAnomaly(ctx, org, siteId, anomalyIndex++, AnomalyStatus.open);
  }
  return count;
}

async function insertIntervention(
  ctx: SeedContext,
  org: SeededOrganization,
  type: InterventionType,
  status: InterventionStatus,
  index: number,
): Promise<number> {
  const start = scheduledStartFor(ctx.base, type, status, index);
  const end = new Date(start.getTime() + 3 * HOUR);
  const done = status === S.awaitingVerification || status === S.accepted || status === S.rejected;
  const decided = status === S.accepted || status === S.rejected;
  const started = done || status === S.inProgress;
  const manager = org.profileIdByRole.get(ProfileRole.manager) ?? null;
  const contactId = org.contactIds[index % org.contactIds.length] ?? null;
  const createdAt = new Date(Math.min(ctx.base.getTime(), start.getTime()) - 14 * DAY);
  const updatedAt = decided ? new Date(end.getTime() + 2 * DAY) : createdAt;

  const [row] = await ctx.tx
    .insert(interventions)
    .values({
      organizationId: org.id,
      type,
      status,
      creationStatus: status === S.toSchedule ? CreationStatus.toScheduled : CreationStatus.scheduled,
      checkType: type === InterventionType.preventive ? CheckType.periodic : null,
      description: org.texts.intervention(type, index + 1),
      codePin: status === S.toSchedule ? null : 100000 + Math.floor(ctx.random() * 900000),
      autoCreated: type === InterventionType.preventive && index % 2 === 0,
      scheduledStart: start,
      scheduledEnd: end,
      negotiationEndDate: status === S.toSchedule ? new Date(ctx.base.getTime() + 5 * DAY) : null,
      actualStart: started ? new Date(start.getTime() + 15 * 60 * 1000) : null,
      actualEnd: done ? new Date(end.getTime() - 15 * 60 * 1000) : null,
      ...(done && type !== InterventionType.trainingExercise ? providerReport(org, index) : {}),
      companyId: contactId === null ? null : (org.companyIdByContact.get(contactId) ?? null),
      assignedCompanyContactId: type === InterventionType.trainingExercise ? null : contactId,
      assignedProfileId: type === InterventionType.trainingExercise ? manager : null,
      verifiedByProfileId: decided ? manager : null,
      verifiedAt: decided ? updatedAt : null,
      decisionComment: decided ? (status === S.accepted ? org.texts.accepted : org.texts.rejected) : null,
      ruleId: type === InterventionType.trainingExercise ? (org.ruleIdByCode.get("EVAC") ?? null) : null,
      attendeeCount: type === InterventionType.trainingExercise && done ? 40 + index * 7 : null,
      validatedAt: type === InterventionType.trainingExercise && done ? end : null,
      createdByProfileId: manager,
      createdAt,
      updatedAt,
    })
    .returning({ id: interventions.id });
  if (!row) throw new Error("intervention insert returned nothing");

  await ctx.tx.insert(interventionEvents).values([
    {
      organizationId: org.id,
      interventionId: row.id,
      actorProfileId: manager,
      action: "created",
      occurredAt: createdAt,
    },
    ...(status === S.toSchedule
      ? []
      : [
          {
            organizationId: org.id,
            interventionId: row.id,
            actorProfileId: manager,
            action: historyAction(status),
            changes: { status: { from: S.toSchedule, to: status } },
            occurredAt: updatedAt,
          },
        ]),
  ]);
  return row.id;
}

function scheduledStartFor(base: Date, type: InterventionType, status: InterventionStatus, index: number): Date {
  // The accepted check was done over a year ago: its site's yearly and quarterly checks are overdue, what a
  // manager signing in on the demo must see first.
  if (type === InterventionType.preventive && status === S.accepted) return new Date(base.getTime() - 400 * DAY);
  const offsetDays: Record<InterventionStatus, number> = {
    [S.toSchedule]: 21,
    [S.scheduled]: 4,
    [S.inProgress]: 0,
    [S.awaitingVerification]: -3,
    [S.accepted]: -40,
    [S.rejected]: -25,
    [S.cancelled]: 10,
  };
  return new Date(base.getTime() + (offsetDays[status] + index) * DAY);
}

function providerReport(org: SeededOrganization, index: number) {
  return {
    providerFirstName: "Karim",
    providerLastName: "Benali",
    providerEmail: "karim.benali@sir.example",
    providerActionComment: index % 2 === 0 ? org.texts.report.done : org.texts.report.replaced,
    providerGeneralComment: org.texts.report.general,
  };
}

function historyAction(status: InterventionStatus): string {
  if (status === S.accepted || status === S.rejected) return "verified";
  if (status === S.cancelled) return "cancelled";
  if (status === S.inProgress) return "started";
  if (status === S.awaitingVerification) return "completed";
  return "updated";
}

async function insertAnomaly(
  ctx: SeedContext,
  org: SeededOrganization,
  siteId: number,
  index: number,
  status: AnomalyStatus,
): Promise<number> {
  const severities = enumValues(AnomalySeverity);
  const [row] = await ctx.tx
    .insert(anomalies)
    .values({
      organizationId: org.id,
      siteId,
      description: org.texts.anomalies[index % org.texts.anomalies.length] as string,
      severity: severities[index % severities.length] ?? AnomalySeverity.minor,
      status,
      detectedAt: new Date(ctx.base.getTime() - (60 - index) * DAY),
      closedAt: status === AnomalyStatus.closed ? new Date(ctx.base.getTime() - 30 * DAY) : null,
    })
    .returning({ id: anomalies.id });
  if (!row) throw new Error("anomaly insert returned nothing");
  return row.id;
}
