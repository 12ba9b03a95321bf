import { type Database, notifications, WebhookDisabledReason, webhookSubscriptions } from "@interventions/db";
import { Operation } from "@interventions/domain";
import { and, eq, lte, sql } from "drizzle-orm";
import type { WriteDeps } from "../../context";
import { serviceAuthor } from "../../context";
import { localeOf } from "../../mail/message-kinds";
import { queueEmails } from "../../mail/queue-email";
import { WebhookMessageKind, webhookTitle } from "../../mail/webhook-message";
import { membersAllowed } from "../interventions/lookups/people";

/** How long a subscription may fail every delivery before it is turned off. */
export const FAILING_DAYS_BEFORE_TURNED_OFF = 3;

/**
 * Counts a failed delivery against its subscription: failing since the first failure after a success, and
 * after three days of that, turned off and its admins told (in the app and by e-mail), once: only the
 * update that turned it off writes the notices, in the same transaction.
 */
export async function noteFailedDelivery(
  deps: WriteDeps & { db: Database },
  failure: { organizationId: number; subscriptionId: number; error: string },
  now: Date,
): Promise<{ turnedOff: boolean }> {
  return deps.db.transaction(async (tx) => {
    const threshold = new Date(now.getTime() - FAILING_DAYS_BEFORE_TURNED_OFF * 86_400_000);
    const subscription = eq(webhookSubscriptions.id, failure.subscriptionId);
    await tx
      .update(webhookSubscriptions)
      .set({ failingSince: now })
      .where(and(subscription, sql`${webhookSubscriptions.failingSince} is null`));
    const [turnedOff] = await tx
      .update(webhookSubscriptions)
      .set({
        active: false,
        disabledReason: WebhookDisabledReason.failing,
        updatedAt: now,
      })
      .where(
        and(subscription, eq(webhookSubscriptions.active, true), lte(webhookSubscriptions.failingSince, threshold)),
      )
      .returning();
    if (!turnedOff?.failingSince) return { turnedOff: false };

    const admins = await membersAllowed(tx, failure.organizationId, Operation.manageWebhooks);
    const payload = {
      webhook: { url: turnedOff.url, failingSince: turnedOff.failingSince.toISOString(), lastError: failure.error },
    };
    const ctx = { ...deps, actor: serviceAuthor(failure.organizationId), now };
    await queueEmails(
      tx,
      ctx,
      admins.map((admin) => ({
        interventionId: null,
        kind: WebhookMessageKind.webhookDisabled,
        payload,
        recipient: { email: admin.email, name: admin.name, locale: admin.locale },
      })),
    );
    if (admins.length > 0) {
      await tx.insert(notifications).values(
        admins.map((admin) => ({
          organizationId: failure.organizationId,
          recipientProfileId: admin.id,
          interventionId: null,
          kind: WebhookMessageKind.webhookDisabled,
          title: webhookTitle(localeOf(admin.locale)),
          body: turnedOff.url,
          createdAt: now,
        })),
      );
    }
    return { turnedOff: true };
  });
}
