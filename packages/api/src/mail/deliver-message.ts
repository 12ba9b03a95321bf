import type { Database } from "@interventions/db";
import { PermanentJobError } from "../jobs/job-handler";
import type { MailTransport, OutgoingMessage } from "./mail-transport";
import { localeOf, messageKindSchema, messagePayloadSchema } from "./message-kinds";
import type { RenderedMessage } from "./message-layout";
import { type AttemptedMessage, markSent, recordFailure, startAttempt } from "./outbox-store";
import { reminderMessageKindSchema, reminderPayloadSchema, renderReminder } from "./reminder-message";
import { renderMessage } from "./render-message";
import { renderWebhookMessage, webhookMessageKindSchema, webhookPayloadSchema } from "./webhook-message";

export interface DeliveryOptions {
  db: Database;
  transport: MailTransport;
  /** The dashboard's base URL: messages link to `${appUrl}/interventions/${id}`. */
  appUrl: string;
  /** The From header, e.g. `Interventions <no-reply@example.com>`. */
  from: string;
  clock?: () => Date;
}

/**
 * One attempt at one outbox message. A failure is recorded on the row and thrown again, for the engine to
 * retry; as a `PermanentJobError` when trying again cannot help (an unreadable row, an SMTP 5xx).
 */
export async function deliverMessage(options: DeliveryOptions, outboxId: number): Promise<void> {
  const message = await startAttempt(options.db, outboxId);
  if (!message) return;
  try {
    await options.transport.send(compose(message, options));
  } catch (error) {
    const text = describe(error);
    await recordFailure(options.db, message, text);
    if (isPermanent(error)) throw new PermanentJobError(text, { cause: error });
    throw error;
  }
  // A crash right here leaves the row pending: the job runs again after its expiry, with the same Message-ID.
  await markSent(options.db, message.id, (options.clock ?? (() => new Date()))());
}

/** The e-mail of an outbox row. A row that cannot be read is a permanent failure (see `isPermanent`). */
function compose(message: AttemptedMessage, options: DeliveryOptions): OutgoingMessage {
  return {
    from: options.from,
    to: { name: message.recipientName, address: message.recipientEmail },
    messageId: message.messageId,
    ...render(message, options),
  };
}

function render(message: AttemptedMessage, options: DeliveryOptions): RenderedMessage {
  const organization = { name: message.organizationName, timeZone: message.timeZone };
  if (webhookMessageKindSchema.safeParse(message.kind).success) {
    const payload = webhookPayloadSchema.safeParse(message.payload);
    if (!payload.success) throw new UnreadableMessage(`unreadable outbox row ${message.id}`);
    const { locale, recipientName, appUrl } = { ...message, locale: localeOf(message.locale), appUrl: options.appUrl };
    return renderWebhookMessage({ locale, recipientName, payload: payload.data, organization, appUrl });
  }
  const reminder = reminderMessageKindSchema.safeParse(message.kind);
  if (reminder.success) {
    const payload = reminderPayloadSchema.safeParse(message.payload);
    if (!payload.success) throw new UnreadableMessage(`unreadable outbox row ${message.id}`);
    return renderReminder({
      kind: reminder.data,
      locale: localeOf(message.locale),
      recipientName: message.recipientName,
      payload: payload.data,
      organization,
      appUrl: options.appUrl,
    });
  }
  const kind = messageKindSchema.safeParse(message.kind);
  const payload = messagePayloadSchema.safeParse(message.payload);
  if (!kind.success || !payload.success) throw new UnreadableMessage(`unreadable outbox row ${message.id}`);
  // Interventions are archived, not deleted; one that was deleted anyway has nothing left to link to.
  if (message.interventionId === null) throw new UnreadableMessage(`the intervention of message ${message.id} is gone`);
  return renderMessage({
    kind: kind.data,
    locale: localeOf(message.locale),
    interventionId: message.interventionId,
    recipientName: message.recipientName,
    payload: payload.data,
    organization,
    appUrl: options.appUrl,
  });
}

class UnreadableMessage extends Error {}

/** A message that cannot be rendered, or that the server refused for good (5xx), is not retried. */
function isPermanent(error: unknown): boolean {
  if (error instanceof UnreadableMessage) return true;
  if (typeof error !== "object" || error === null || !("responseCode" in error)) return false;
  const code = error.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** An error as the outbox row keeps it: its message, bounded. */
export function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 2_000);
}
