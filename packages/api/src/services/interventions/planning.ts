import { type FieldChanges, interventions, type Transaction } from "@interventions/db";
import {
  assertScheduleInOrder,
  assertTransition,
  CreationStatus,
  completionTimes,
  InterventionStatus,
  needsCodePin,
  statusForCreationStatus,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { MessageKind } from "../../mail/message-kinds";
import { resolveContact } from "./assignees";
import { newCodePin, notifyVerifiers } from "./effects";
import { diffFields, HistoryAction, recordEvent } from "./history";
import type { InterventionRow } from "./locking";
import { audienceOf, interventionSummary, tell } from "./notices";
import type { ProfileFacts } from "./references";

/** The planning fields both update paths share, with people already resolved to members. */
export interface PlanningInput {
  description?: string | undefined;
  scheduledStart?: string | undefined;
  scheduledEnd?: string | undefined;
  creationStatus?: CreationStatus | undefined;
  assignedCompanyContactId?: number | undefined;
  assignee?: ProfileFacts | undefined;
  /** Marks the intervention done now (a validated training exercise). */
  complete?: boolean;
}

export interface EmailOptions {
  sendUpdateEmailToCurrentAssignee?: boolean | undefined;
  previousAssigneeNotification?: { sendEmail: boolean; reason?: string | undefined } | undefined;
}

export type InterventionChanges = Partial<typeof interventions.$inferInsert>;

/** The new values of the planning fields, checked against the lifecycle and the schedule order. */
export async function planUpdate(tx: Transaction, ctx: ServiceContext, current: InterventionRow, input: PlanningInput) {
  const scheduledStart = input.scheduledStart ? new Date(input.scheduledStart) : current.scheduledStart;
  const scheduledEnd = input.scheduledEnd ? new Date(input.scheduledEnd) : current.scheduledEnd;
  assertScheduleInOrder(scheduledStart, scheduledEnd);

  const creationStatus = input.complete ? CreationStatus.done : (input.creationStatus ?? current.creationStatus);
  const status =
    input.complete || input.creationStatus !== undefined ? statusForCreationStatus(creationStatus) : current.status;
  if (status !== current.status) assertTransition(current.status, status);

  const contact = await resolveContact(tx, ctx.actor.organizationId, input.assignedCompanyContactId);
  const values: InterventionChanges = {
    description: input.description ?? current.description,
    scheduledStart,
    scheduledEnd,
    creationStatus,
    status,
    codePin: codePinFor(status, current.codePin),
    assignedCompanyContactId: contact?.id ?? current.assignedCompanyContactId,
    companyId: contact?.companyId ?? current.companyId,
    assignedProfileId: input.assignee?.id ?? current.assignedProfileId,
  };
  if (status === InterventionStatus.awaitingVerification && current.status !== status) {
    Object.assign(values, completionTimes({ ...current, scheduledStart, scheduledEnd }, ctx.now));
  }
  return values;
}

/** A confirmed schedule keeps or gets a PIN; back to "to schedule", the PIN it unlocked is withdrawn. */
function codePinFor(status: InterventionStatus, current: number | null): number | null {
  if (needsCodePin(status)) return current ?? newCodePin();
  return status === InterventionStatus.toSchedule ? null : current;
}

/** Field changes for the history; the code PIN is a credential and stays out of it. */
export function planningChanges(current: InterventionRow, values: InterventionChanges): FieldChanges {
  const { codePin: _pin, ...tracked } = values;
  return diffFields(current, tracked);
}

/**
 * Writes a change that is not empty, with its history event, the verifiers' notification when it became
 * done, and the notices of who is told what: all in the caller's transaction.
 */
export async function commitUpdate(
  tx: Transaction,
  ctx: ServiceContext,
  current: InterventionRow,
  values: InterventionChanges,
  changes: FieldChanges,
  emails: EmailOptions,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(interventions)
    .set({ ...values, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(interventions.id, current.id));
  await recordEvent(tx, ctx, current.id, HistoryAction.updated, changes);
  if (values.status === InterventionStatus.awaitingVerification && current.status !== values.status) {
    await notifyVerifiers(tx, ctx, current.id);
  }

  await tellAboutUpdate(tx, ctx, current, values, changes, emails);
}

/**
 * Who hears of an update: a new assignee always; the previous one when the planner asks, with the reason;
 * the assignees who stay when the planner asks. Someone newly assigned hears "assigned", not "updated".
 */
async function tellAboutUpdate(
  tx: Transaction,
  ctx: ServiceContext,
  current: InterventionRow,
  values: InterventionChanges,
  changes: FieldChanges,
  emails: EmailOptions,
): Promise<void> {
  const { organizationId } = ctx.actor;
  const contactChanged = "assignedCompanyContactId" in changes;
  const profileChanged = "assignedProfileId" in changes;
  const after = { ...current, ...values };
  const interventionId = current.id;
  const intervention = interventionSummary(after);

  const notice = emails.previousAssigneeNotification;
  if (notice?.sendEmail && (contactChanged || profileChanged)) {
    const previous = await audienceOf(tx, organizationId, {
      contactId: contactChanged ? current.assignedCompanyContactId : null,
      profileId: profileChanged ? current.assignedProfileId : null,
    });
    const reason = notice.reason ?? null;
    await tell(tx, ctx, previous, {
      interventionId,
      kind: MessageKind.unassigned,
      payload: { intervention, reason },
      body: reason,
    });
  }
  if (contactChanged || profileChanged) {
    const assigned = await audienceOf(tx, organizationId, {
      contactId: contactChanged ? after.assignedCompanyContactId : null,
      profileId: profileChanged ? after.assignedProfileId : null,
    });
    await tell(tx, ctx, assigned, { interventionId, kind: MessageKind.assigned, payload: { intervention } });
  }
  if (emails.sendUpdateEmailToCurrentAssignee) {
    const staying = await audienceOf(tx, organizationId, {
      contactId: contactChanged ? null : after.assignedCompanyContactId,
      profileId: profileChanged ? null : after.assignedProfileId,
    });
    await tell(tx, ctx, staying, {
      interventionId,
      kind: MessageKind.updated,
      payload: { intervention, fields: Object.keys(changes) },
    });
  }
}
