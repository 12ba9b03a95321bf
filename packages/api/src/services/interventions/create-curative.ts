import { anomalies, interventionAnomalies, interventions } from "@interventions/db";
import {
  AnomalyStatus,
  assertAnomaliesRepairable,
  assertIdsFound,
  assertRoleAllows,
  assertScheduleInOrder,
  type CreateCurativeBody,
  completionTimes,
  InterventionStatus,
  InterventionType,
  needsCodePin,
  Operation,
  statusForCreationStatus,
  uniqueIds,
} from "@interventions/domain";
import { inArray } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { MessageKind } from "../../mail/message-kinds";
import { resolveContact, resolveUserProfile } from "./assignees";
import { newCodePin, notifyVerifiers } from "./effects";
import { HistoryAction, recordEvent } from "./history";
import { interventionSummary, tell } from "./notices";
import { lockAnomalies } from "./references";
import { insertSiteLinks } from "./site-links";
import { type InterventionView, toUserShaped } from "./view";

/** 001 — plans the repair of open anomalies; they are held (in repair) until the repair is decided. */
export async function createCurative({ ctx, input }: { ctx: ServiceContext; input: CreateCurativeBody }) {
  assertRoleAllows(ctx.actor.role, Operation.createCurative);
  const { organizationId } = ctx.actor;
  const scheduledStart = new Date(input.scheduledStart);
  const scheduledEnd = new Date(input.scheduledEnd);
  assertScheduleInOrder(scheduledStart, scheduledEnd);
  const anomalyIds = uniqueIds(input.anomalyIds);
  const status = statusForCreationStatus(input.creationStatus);

  const view = await ctx.db.transaction(async (tx): Promise<InterventionView> => {
    const found = await lockAnomalies(tx, organizationId, anomalyIds);
    assertIdsFound(
      "anomalyIds",
      input.anomalyIds,
      found.map((anomaly) => anomaly.id),
      "anomaly",
    );
    const contact = await resolveContact(tx, organizationId, input.assignedCompanyContactId);
    const assignee = await resolveUserProfile(tx, organizationId, input.assignedUserId, "assignedUserId");
    assertAnomaliesRepairable(input.anomalyIds, found);

    const [row] = await tx
      .insert(interventions)
      .values({
        organizationId,
        type: InterventionType.curative,
        status,
        creationStatus: input.creationStatus,
        description: input.description ?? null,
        codePin: needsCodePin(status) ? newCodePin() : null,
        scheduledStart,
        scheduledEnd,
        ...(status === InterventionStatus.awaitingVerification
          ? completionTimes({ scheduledStart, scheduledEnd, actualStart: null, actualEnd: null }, ctx.now)
          : {}),
        companyId: contact?.companyId ?? null,
        assignedCompanyContactId: contact?.id ?? null,
        assignedProfileId: assignee?.id ?? null,
        createdByProfileId: ctx.actor.profileId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new Error("intervention insert returned nothing");
    await tx
      .insert(interventionAnomalies)
      .values(anomalyIds.map((anomalyId) => ({ interventionId: row.id, anomalyId })));
    const siteIds = uniqueIds(found.map((anomaly) => anomaly.siteId));
    await insertSiteLinks(tx, row, siteIds);
    await tx
      .update(anomalies)
      .set({ status: AnomalyStatus.inRepair, updatedAt: ctx.now })
      .where(inArray(anomalies.id, anomalyIds));
    await recordEvent(tx, ctx, row.id, HistoryAction.created);
    await tell(
      tx,
      ctx,
      { contact, profile: assignee },
      {
        interventionId: row.id,
        kind: MessageKind.assigned,
        payload: {
          intervention: interventionSummary({
            type: InterventionType.curative,
            description: input.description ?? null,
            scheduledStart,
            scheduledEnd,
          }),
        },
      },
    );
    if (status === InterventionStatus.awaitingVerification) await notifyVerifiers(tx, ctx, row.id);
    // The answer is the row as inserted (nothing later in the transaction changes it), with the users
    // behind its profiles, known here: no read after commit.
    return {
      ...row,
      assignedUserId: assignee?.userId ?? null,
      verifiedByUserId: null,
      createdByUserId: ctx.actor.userId,
    };
  });

  return { data: toUserShaped(view) };
}
