import { type Executor, WebhookDeliveryStatus, webhookDeliveries, webhookEvents } from "@interventions/db";
import { type EnumValue, enumName } from "@interventions/domain";
import { desc, eq } from "drizzle-orm";

/** One delivery as admins look at it: which event, where it stands, and what the receiver last said. */
export interface DeliveryView {
  webhookId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastAttemptAt: string | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A subscription's latest deliveries, newest first. The caller has checked the subscription is theirs. */
export async function recentDeliveries(db: Executor, subscriptionId: number, limit: number): Promise<DeliveryView[]> {
  const rows = await db
    .select({ delivery: webhookDeliveries, eventType: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map(({ delivery, eventType }) => ({
    webhookId: delivery.webhookId,
    eventType,
    status: statusName(delivery.status),
    attempts: delivery.attempts,
    lastAttemptAt: iso(delivery.lastAttemptAt),
    lastResponseStatus: delivery.lastResponseStatus,
    lastError: delivery.lastError,
    deliveredAt: iso(delivery.deliveredAt),
    createdAt: delivery.createdAt.toISOString(),
  }));
}

function statusName(status: EnumValue<typeof WebhookDeliveryStatus>): DeliveryView["status"] {
  return enumName(WebhookDeliveryStatus, status);
}
