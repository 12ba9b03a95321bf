import { interventions } from "@interventions/db";
import {
  assertAnomaliesRepairable,
  assertIdsFound,
  assertScheduleInOrder,
  completionTimes,
  createCurativeBody,
  InterventionStatus,
  InterventionType,
  interventionEventTypes,
  needsCodePin,
  Operation,
  statusForCreationStatus,
  uniqueIds,
} from "@interventions/domain";
import { settledValue } from "../settled";
import { defineVerb } from "../verb";
import { activeSubscriptions, announceInterventionChanges } from "../webhooks/announce";
import { HistoryAction, recordEvent } from "./history/record-event";
import { holdAnomalies } from "./links/anomaly-links";
import { insertSiteLinks } from "./links/site-links";
import { lockAnomalies } from "./lookups/lock-anomalies";
import { resolveContact, resolveUser } from "./lookups/people";
import { tellCreated } from "./notify/who-is-told";
import { newCodePin } from "./planning/code-pin";
import { insertedView, toUserShaped } from "./read/intervention-view";

/** 001 — plans the repair of open anomalies; they are held (in repair) until the repair is decided. */
export const createCurative = defineVerb(
  { operation: Operation.createCurative, input: createCurativeBody },
  async ({ ctx, input }) => {
    const { organizationId } = ctx.actor;
    const scheduledStart = new Date(input.scheduledStart);
    const scheduledEnd = new Date(input.scheduledEnd);
    assertScheduleInOrder(scheduledStart, scheduledEnd);
    const anomalyIds = uniqueIds(input.anomalyIds);
    const status = statusForCreationStatus(input.creationStatus);

    const view = await ctx.db.transaction(async (tx) => {
      const [locked, contactFound, assigneeFound] = await Promise.allSettled([
        lockAnomalies(tx, organizationId, anomalyIds),
        resolveContact(tx, organizationId, input.assignedCompanyContactId),
        resolveUser(tx, organizationId, input.assignedUserId, "assignedUserId"),
      ]);
      const found = settledValue(locked);
      assertIdsFound(
        "anomalyIds",
        input.anomalyIds,
        found.map((anomaly) => anomaly.id),
        "anomaly",
      );
      const contact = settledValue(contactFound);
      const assignee = settledValue(assigneeFound);
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
      // Independent writes and the webhooks' subscriptions, sent together: one round trip.
      const [subscriptions] = await Promise.all([
        activeSubscriptions(tx, organizationId),
        holdAnomalies(tx, ctx, row.id, anomalyIds),
        insertSiteLinks(tx, row.id, uniqueIds(found.map((anomaly) => anomaly.siteId))),
        recordEvent(tx, ctx, row.id, HistoryAction.created),
        tellCreated(tx, ctx, [{ intervention: row, assignees: { contact, profile: assignee } }]),
      ]);
      const view = insertedView(row, { assignedUserId: assignee?.userId ?? null, createdByUserId: ctx.actor.userId });
      const types = interventionEventTypes({ action: "created", byRoutine: false, status: row.status });
      await announceInterventionChanges(tx, ctx, [{ interventionId: row.id, types }], { subscriptions, views: [view] });
      return view;
    });
    return { data: toUserShaped(view), version: view.version };
  },
);
