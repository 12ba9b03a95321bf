import { randomUUID } from "node:crypto";
import { emailOutbox, type Transaction } from "@interventions/db";
import type { ServiceContext } from "../context";
import { localeOf, type MessageKind, type MessagePayload } from "./message-kinds";

export interface EmailRecipient {
  email: string;
  name: string;
  locale: string;
}

/** Writes an e-mail intent in the caller's transaction; the delivery worker sends it after commit. */
export async function queueEmail(
  tx: Transaction,
  ctx: ServiceContext,
  message: { interventionId: number; kind: MessageKind; recipient: EmailRecipient; payload: MessagePayload },
): Promise<void> {
  await tx.insert(emailOutbox).values({
    organizationId: ctx.actor.organizationId,
    interventionId: message.interventionId,
    kind: message.kind,
    recipientEmail: message.recipient.email,
    recipientName: message.recipient.name,
    locale: localeOf(message.recipient.locale),
    payload: message.payload,
    messageId: `<${randomUUID()}@interventions.local>`,
    nextAttemptAt: ctx.now,
    createdAt: ctx.now,
  });
}
