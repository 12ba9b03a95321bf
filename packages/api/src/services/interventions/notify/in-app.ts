import { notifications, type Transaction } from "@interventions/db";
import type { WriteContext } from "../../../context";
import { localeOf, type MessageKind } from "../../../mail/message-kinds";
import { notificationTitle } from "../../../mail/render-message";

/** In-app notifications of one event, each titled in its recipient's language. */
export async function insertNotifications(
  tx: Transaction,
  ctx: WriteContext,
  recipients: readonly { profileId: number; locale: string }[],
  event: { interventionId: number; kind: MessageKind; body: string | null },
): Promise<void> {
  if (recipients.length === 0) return;
  await tx.insert(notifications).values(
    recipients.map((recipient) => ({
      organizationId: ctx.actor.organizationId,
      recipientProfileId: recipient.profileId,
      interventionId: event.interventionId,
      kind: event.kind,
      title: notificationTitle(event.kind, localeOf(recipient.locale), event.interventionId),
      body: event.body,
      createdAt: ctx.now,
    })),
  );
}
