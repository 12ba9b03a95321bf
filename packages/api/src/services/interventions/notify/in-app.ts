import { notifications, type Transaction } from "@interventions/db";
import type { WriteContext } from "../../../context";
import { localeOf, type MessageKind } from "../../../mail/message-kinds";
import { notificationTitle } from "../../../mail/render-message";

/** One member's notification of an event on an intervention. */
export interface InAppNotice {
  profileId: number;
  locale: string;
  interventionId: number;
  kind: MessageKind;
  body: string | null;
}

/** In-app notifications, each titled in its recipient's language, in one statement. */
export async function insertNotifications(
  tx: Transaction,
  ctx: WriteContext,
  notices: readonly InAppNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  await tx.insert(notifications).values(
    notices.map((notice) => ({
      organizationId: ctx.actor.organizationId,
      recipientProfileId: notice.profileId,
      interventionId: notice.interventionId,
      kind: notice.kind,
      title: notificationTitle(notice.kind, localeOf(notice.locale), notice.interventionId),
      body: notice.body,
      createdAt: ctx.now,
    })),
  );
}
