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
import { resolveContact } from "./assignees";
import { type EmailRecipient, newCodePin, notifyVerifiers, queueEmail } from "./effects";
import { diffFields, HistoryAction, recordEvent } from "./history";
import type { InterventionRow } from "./locking";
import { findContact, findProfile, type ProfileFacts } from "./references";

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
    input.complete || input.creationStatus !== undefined
      ? statusForCreationStatus(creationStatus as CreationStatus)
      : (current.status as InterventionStatus);
  if (status !== current.status) assertTransition(current.status as InterventionStatus, status);

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
  const before = Object.fromEntries(Object.keys(tracked).map((key) => [key, current[key as keyof InterventionRow]]));
  return diffFields(before as never, tracked as never);
}

/**
 * Writes a change that is not empty, with its history event, the verifiers' notification when it became
 * done, and the e-mails asked for: all in the caller's transaction.
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

  const organizationId = ctx.actor.organizationId;
  const contactChanged = "assignedCompanyContactId" in changes;
  const profileChanged = "assignedProfileId" in changes;
  const notice = emails.previousAssigneeNotification;
  if (notice?.sendEmail && (contactChanged || profileChanged)) {
    const previous = await recipients(tx, organizationId, {
      contactId: contactChanged ? current.assignedCompanyContactId : null,
      profileId: profileChanged ? current.assignedProfileId : null,
    });
    for (const recipient of previous) {
      await queueEmail(tx, ctx, {
        interventionId: current.id,
        kind: "unassigned",
        recipient,
        payload: { reason: notice.reason ?? null },
      });
    }
  }
  if (emails.sendUpdateEmailToCurrentAssignee) {
    const currentAssignees = await recipients(tx, organizationId, {
      contactId: values.assignedCompanyContactId ?? null,
      profileId: values.assignedProfileId ?? null,
    });
    for (const recipient of currentAssignees) {
      await queueEmail(tx, ctx, {
        interventionId: current.id,
        kind: "updated",
        recipient,
        payload: { fields: Object.keys(changes) },
      });
    }
  }
}

async function recipients(
  tx: Transaction,
  organizationId: number,
  who: { contactId: number | null; profileId: number | null },
): Promise<EmailRecipient[]> {
  const found: EmailRecipient[] = [];
  if (who.contactId !== null) {
    const contact = await findContact(tx, organizationId, who.contactId);
    if (contact) found.push(contact);
  }
  if (who.profileId !== null) {
    const profile = await findProfile(tx, organizationId, who.profileId);
    if (profile) found.push(profile);
  }
  return found;
}
