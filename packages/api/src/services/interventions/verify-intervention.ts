import { anomalies, interventionAnomalies, interventions, notifications } from "@interventions/db";
import {
  AnomalyStatus,
  assertRoleAllows,
  assertStateAllows,
  assertTransition,
  InterventionType,
  Operation,
  InterventionStatus as Status,
  VerificationDecision,
  type VerifyInterventionBody,
  validationError,
} from "@interventions/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { MessageKind } from "../../mail/message-kinds";
import { diffFields, HistoryAction, recordEvent } from "./history";
import { lockIntervention } from "./locking";
import { audienceOf, interventionSummary, tell } from "./notices";
import { readInterventionView, toUserShaped } from "./view";

export interface VerifyInterventionInput {
  interventionId: number;
  decision: VerifyInterventionBody;
}

/**
 * 004 — the client accepts or rejects done work, once. The row lock makes a concurrent second decision
 * wait, then find the intervention already decided (409).
 */
export async function verifyIntervention({ ctx, input }: { ctx: ServiceContext; input: VerifyInterventionInput }) {
  assertRoleAllows(ctx.actor.role, Operation.verify);
  const { organizationId, profileId } = ctx.actor;
  const { decision, decisionComment, notificationId } = input.decision;
  const status = decision === VerificationDecision.accept ? Status.accepted : Status.rejected;

  await ctx.db.transaction(async (tx) => {
    const current = await lockIntervention(tx, organizationId, input.interventionId);
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
    await tx
      .update(interventions)
      .set({ ...values, version: current.version + 1, updatedAt: ctx.now })
      .where(eq(interventions.id, current.id));

    if (current.type === InterventionType.curative) {
      // Accepted repairs close their anomalies; rejected ones give them back, open, for another repair.
      const held = tx
        .select({ id: interventionAnomalies.anomalyId })
        .from(interventionAnomalies)
        .where(eq(interventionAnomalies.interventionId, current.id));
      await tx
        .update(anomalies)
        .set(
          status === Status.accepted
            ? { status: AnomalyStatus.closed, closedAt: ctx.now, updatedAt: ctx.now }
            : { status: AnomalyStatus.open, closedAt: null, updatedAt: ctx.now },
        )
        .where(and(inArray(anomalies.id, held), eq(anomalies.organizationId, organizationId)));
    }
    await recordEvent(tx, ctx, current.id, HistoryAction.verified, diffFields(current, values));
    // The assignees hear the decision, with the verifier's comment.
    const assignees = await audienceOf(tx, organizationId, {
      contactId: current.assignedCompanyContactId,
      profileId: current.assignedProfileId,
    });
    await tell(tx, ctx, assignees, {
      interventionId: current.id,
      kind: status === Status.accepted ? MessageKind.accepted : MessageKind.rejected,
      payload: { intervention: interventionSummary(current), comment: decisionComment ?? null },
      body: decisionComment ?? null,
    });
    // Other verifiers' "awaiting verification" notifications are settled too: nothing is left to do.
    await tx
      .update(notifications)
      .set({ readAt: ctx.now })
      .where(
        and(
          eq(notifications.interventionId, current.id),
          eq(notifications.kind, MessageKind.awaitingVerification),
          isNull(notifications.readAt),
        ),
      );
  });

  const view = await readInterventionView(ctx.db, organizationId, input.interventionId);
  if (!view) throw new Error(`intervention ${input.interventionId} vanished after commit`);
  return { data: toUserShaped(view) };
}
