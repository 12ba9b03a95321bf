import { randomUUID } from "node:crypto";
import { emailOutbox, type Transaction } from "@interventions/db";
import type { WriteContext } from "../context";
import { Queue } from "../jobs/job-queue";
import type { MailJob } from "./mail-job";
import { localeOf, type MessageKind, type MessagePayload } from "./message-kinds";
import type { ReminderMessageKind, ReminderPayload } from "./reminder-message";

/** What a message is about: an intervention's change, or an obligation's reminder (with its planned check, if any). */
export type EmailSubjectMatter =
  | { interventionId: number; kind: MessageKind; payload: MessagePayload }
  | { interventionId: number | null; kind: ReminderMessageKind; payload: ReminderPayload };

export interface EmailRecipient {
  email: string;
  name: string;
  locale: string;
}

/**
 * Writes an e-mail in the caller's transaction: its outbox row (the message and its record) and the job
 * that delivers it after commit. A rollback takes both away.
 */
export async function queueEmail(
  tx: Transaction,
  ctx: Pick<WriteContext, "now" | "jobs"> & { actor: Pick<WriteContext["actor"], "organizationId"> },
  message: EmailSubjectMatter & { recipient: EmailRecipient },
): Promise<void> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      organizationId: ctx.actor.organizationId,
      interventionId: message.interventionId,
      kind: message.kind,
      recipientEmail: message.recipient.email,
      recipientName: message.recipient.name,
      locale: localeOf(message.recipient.locale),
      payload: message.payload,
      messageId: `<${randomUUID()}@interventions.local>`,
      createdAt: ctx.now,
    })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("the outbox row was not written");
  const job: MailJob = { outboxId: row.id };
  await ctx.jobs.enqueue(tx, Queue.mail, job);
}
