import { interventions, notifications } from "@interventions/db";
import {
  assertStateAllows,
  assertTransition,
  InterventionType,
  interventionEventTypes,
  Operation,
  InterventionStatus as Status,
  VerificationDecision,
  validationError,
  verifyInterventionInput,
} from "@interventions/domain";
import { and, eq } from "drizzle-orm";
import { defineVerb } from "../verb";
import { viewAfterAnnouncedWrite } from "../webhooks/announce";
import { diffFields } from "./history/diff-fields";
import { HistoryAction, recordEvent } from "./history/record-event";
import { settleAnomalies } from "./links/anomaly-links";
import { lockIntervention } from "./lookups/lock-intervention";
import { tellVerified } from "./notify/who-is-told";
import { toUserShaped } from "./read/intervention-view";

/**
 * 004 — the client accepts or rejects done work, once. The row lock makes a concurrent second decision
 * wait, then find the intervention already decided (409).
 */
export const verifyIntervention = defineVerb(
  { operation: Operation.verify, input: verifyInterventionInput },
  async ({ ctx, input }) => {
    const { organizationId, profileId } = ctx.actor;
    const { decision, decisionComment, notificationId } = input;
    const accepted = decision === VerificationDecision.accept;
    const status = accepted ? Status.accepted : Status.rejected;

    const view = await ctx.db.transaction(async (tx) => {
      const current = await lockIntervention(tx, organizationId, input.interventionId, {
        expectedVersions: input.expectedVersions,
      });
      assertStateAllows(current.status, Operation.verify);
      assertTransition(current.status, status);

      if (notificationId !== undefined) {
        const marked = await tx
          .update(notifications)
          .set({ readAt: ctx.now })
          .where(
            and(
              eq(notifications.id, notificationId),
              eq(notifications.recipientProfileId, profileId),
              eq(notifications.interventionId, current.id),
            ),
          )
          .returning({ id: notifications.id });
        if (marked.length === 0)
          throw validationError([{ path: "notificationId", message: `Unknown notification ${notificationId}` }]);
      }

      const values = { status, verifiedAt: ctx.now, verifiedByProfileId: profileId, decisionComment };
      // Independent writes, sent together: they share round trips.
      await Promise.all([
        tx
          .update(interventions)
          .set({ ...values, version: current.version + 1, updatedAt: ctx.now })
          .where(eq(interventions.id, current.id)),
        current.type === InterventionType.curative ? settleAnomalies(tx, ctx, current.id, accepted) : undefined,
        recordEvent(tx, ctx, current.id, HistoryAction.verified, diffFields(current, values)),
        tellVerified(tx, ctx, current, { accepted, comment: decisionComment ?? null }),
      ]);
      return viewAfterAnnouncedWrite(tx, ctx, current.id, interventionEventTypes({ action: "verified" }));
    });
    return { data: toUserShaped(view), version: view.version };
  },
);
