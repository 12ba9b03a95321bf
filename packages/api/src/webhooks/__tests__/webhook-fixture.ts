import { type Database, webhookDeliveries, webhookEvents } from "@interventions/db";
import { count, eq } from "drizzle-orm";
import type { QueuePolicy } from "../../jobs/queue-policy";
import type { Received } from "./receiver";

/** Retries a second apart, so that a test sees three attempts in a few seconds. */
export const QUICK_RETRIES: Partial<QueuePolicy> = { retryDelaySeconds: 1, retryDelayMaxSeconds: 2 };
export const POLL = { timeout: 30_000, interval: 50 };

/** The Standard Webhooks headers of a received post, as `Webhook.verify` takes them. */
export function signedHeaders(request: Received): {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
} {
  const header = (name: string) => {
    const value = request.headers[name];
    if (typeof value !== "string") throw new Error(`no ${name} header`);
    return value;
  };
  return {
    "webhook-id": header("webhook-id"),
    "webhook-timestamp": header("webhook-timestamp"),
    "webhook-signature": header("webhook-signature"),
  };
}

export async function eventCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webhookEvents);
  return row?.n ?? 0;
}

export function deliveryByWebhookId(db: Database, webhookId: string) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
