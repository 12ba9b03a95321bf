import { type Database, WebhookDeliveryStatus, webhookDeliveries, webhookEvents } from "@interventions/db";
import { and, eq, lt, notExists } from "drizzle-orm";

/** How long delivered and failed events are kept for admins to look at. */
export const WEBHOOK_EVENTS_KEPT_DAYS = 30;

/** Deletes events older than the kept days whose deliveries are all settled (theirs go with them). */
export async function purgeSettledWebhookEvents(db: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - WEBHOOK_EVENTS_KEPT_DAYS * 86_400_000);
  const deleted = await db
    .delete(webhookEvents)
    .where(
      and(
        lt(webhookEvents.occurredAt, before),
        notExists(
          db
            .select({ id: webhookDeliveries.id })
            .from(webhookDeliveries)
            .where(
              and(
                eq(webhookDeliveries.eventId, webhookEvents.id),
                eq(webhookDeliveries.status, WebhookDeliveryStatus.pending),
              ),
            ),
        ),
      ),
    )
    .returning({ id: webhookEvents.id });
  return deleted.length;
}
