import { randomUUID } from "node:crypto";
import { emailOutbox, type Transaction } from "@interventions/db";
import type { WriteContext } from "../context";
import { Queue } from "../jobs/job-queue";
import type { MailJob } from "./mail-job";
import { localeOf, type MessageKind, type MessagePayload } from "./message-kinds";
import type { ReminderMessageKind, ReminderPayload } from "./reminder-message";
import type { WebhookMessageKind, WebhookPayload } from "./webhook-message";

/**
 * What a message is about: an intervention's change, an obligation's reminder (with its planned check, if
 * any), or a webhook subscription turned off.
 */
export type EmailSubjectMatter =
  | { interventionId: number; kind: MessageKind; payload: MessagePayload }
  | { interventionId: number | null; kind: ReminderMessageKind; payload: ReminderPayload }
  | { interventionId: null; kind: WebhookMessageKind; payload: WebhookPayload };

export interface EmailRecipient {
  email: string;
  name: string;
  locale: string;
}

export type QueuedEmail = EmailSubjectMatter & { recipient: EmailRecipient };

/**
 * Writes e-mails in the caller's transaction: their outbox rows (the message and its record) and the jobs
 * that deliver them after commit, one statement each whatever their number. A rollback takes all away.
 */
export async function queueEmails(
  tx: Transaction,
  ctx: Pick<WriteContext, "now" | "jobs"> & { actor: Pick<WriteContext["actor"], "organizationId"> },
  messages: readonly QueuedEmail[],
): Promise<void> {
  if (messages.length === 0) return;
  const rows = await tx
    .insert(emailOutbox)
    .values(
      messages.map((message) => ({
        organizationId: ctx.actor.organizationId,
        interventionId: message.interventionId,
        kind: message.kind,
        recipientEmail: message.recipient.email,
        recipientName: message.recipient.name,
        locale: localeOf(message.recipient.locale),
        payload: message.payload,
        messageId: `<${randomUUID()}@interventions.local>`,
        createdAt: ctx.now,
      })),
    )
    .returning({ id: emailOutbox.id });
  if (rows.length !== messages.length) throw new Error("the outbox rows were not all written");
  await ctx.jobs.enqueue(
    tx,
    Queue.mail,
    rows.map((row): MailJob => ({ outboxId: row.id })),
  );
}
