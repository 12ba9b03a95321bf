import type { FieldChanges, Transaction } from "@interventions/db";
import { InterventionStatus } from "@interventions/domain";
import type { WriteContext } from "../../../context";
import { MessageKind } from "../../../mail/message-kinds";
import type { InterventionRow } from "../lookups/lock-intervention";
import { type Audience, audienceOf, interventionSummary } from "./audience";
import { tell } from "./tell";
import { askVerifiers, settleVerifierTasks } from "./verifiers";

// Who is told what, for every change of an intervention: the one place that decides it. Each function
// runs in the change's transaction; `tell` says it by e-mail and in the app.

type Described = Pick<InterventionRow, "id" | "type" | "status" | "description" | "scheduledStart" | "scheduledEnd">;

/** New interventions: their assignees hear they are assigned; done work asks the verifiers. */
export async function tellCreated(
  tx: Transaction,
  ctx: WriteContext,
  created: readonly { intervention: Described; assignees: Audience }[],
) {
  await tell(
    tx,
    ctx,
    created.map(({ intervention, assignees }) => ({
      audience: assignees,
      event: {
        interventionId: intervention.id,
        kind: MessageKind.assigned,
        payload: { intervention: interventionSummary(intervention) },
      },
    })),
  );
  for (const { intervention } of created) {
    if (intervention.status === InterventionStatus.awaitingVerification) await askVerifiers(tx, ctx, intervention.id);
  }
}

export interface UpdateEmailOptions {
  sendUpdateEmailToCurrentAssignee?: boolean | undefined;
  previousAssigneeNotification?: { sendEmail: boolean; reason?: string | undefined } | undefined;
}

/**
 * A re-planned intervention. A new assignee always hears of it ("assigned", not "updated"); the previous
 * one when the planner asks, with the reason; the assignees who stay when the planner asks. Work that
 * became done asks the verifiers.
 */
export async function tellUpdated(
  tx: Transaction,
  ctx: WriteContext,
  change: { before: InterventionRow; after: Described & Pick<InterventionRow, AssigneeFields>; changes: FieldChanges },
  emails: UpdateEmailOptions,
): Promise<void> {
  const { before, after, changes } = change;
  const { organizationId } = ctx.actor;
  if (after.status === InterventionStatus.awaitingVerification && before.status !== after.status) {
    await askVerifiers(tx, ctx, before.id);
  }
  const contactChanged = "assignedCompanyContactId" in changes;
  const profileChanged = "assignedProfileId" in changes;
  const interventionId = before.id;
  const intervention = interventionSummary(after);

  const notice = emails.previousAssigneeNotification;
  if (notice?.sendEmail && (contactChanged || profileChanged)) {
    const previous = await audienceOf(tx, organizationId, {
      contactId: contactChanged ? before.assignedCompanyContactId : null,
      profileId: profileChanged ? before.assignedProfileId : null,
    });
    const reason = notice.reason ?? null;
    await tell(tx, ctx, [
      {
        audience: previous,
        event: { interventionId, kind: MessageKind.unassigned, payload: { intervention, reason }, body: reason },
      },
    ]);
  }
  if (contactChanged || profileChanged) {
    const assigned = await audienceOf(tx, organizationId, {
      contactId: contactChanged ? after.assignedCompanyContactId : null,
      profileId: profileChanged ? after.assignedProfileId : null,
    });
    await tell(tx, ctx, [
      { audience: assigned, event: { interventionId, kind: MessageKind.assigned, payload: { intervention } } },
    ]);
  }
  if (emails.sendUpdateEmailToCurrentAssignee) {
    const staying = await audienceOf(tx, organizationId, {
      contactId: contactChanged ? null : after.assignedCompanyContactId,
      profileId: profileChanged ? null : after.assignedProfileId,
    });
    await tell(tx, ctx, [
      {
        audience: staying,
        event: { interventionId, kind: MessageKind.updated, payload: { intervention, fields: Object.keys(changes) } },
      },
    ]);
  }
}

type AssigneeFields = "assignedCompanyContactId" | "assignedProfileId";

/** A decision: the assignees hear it with the verifier's comment; the other verifiers' tasks are settled. */
export async function tellVerified(
  tx: Transaction,
  ctx: WriteContext,
  decided: InterventionRow,
  decision: { accepted: boolean; comment: string | null },
): Promise<void> {
  const tellAssignees = async () => {
    const assignees = await audienceOf(tx, ctx.actor.organizationId, {
      contactId: decided.assignedCompanyContactId,
      profileId: decided.assignedProfileId,
    });
    await tell(tx, ctx, [
      {
        audience: assignees,
        event: {
          interventionId: decided.id,
          kind: decision.accepted ? MessageKind.accepted : MessageKind.rejected,
          payload: { intervention: interventionSummary(decided), comment: decision.comment },
          body: decision.comment,
        },
      },
    ]);
  };
  // The verifiers' tasks are settled while the assignees are looked up: the statements share round trips.
  await Promise.all([tellAssignees(), settleVerifierTasks(tx, ctx, decided.id)]);
}
