import {
  type Database,
  WebhookDeliveryStatus as Status,
  webhookDeliveries,
  webhookEvents,
  webhookSubscriptions,
} from "@interventions/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { WebhookJob } from "./webhook-job";

/** The delivery being attempted, with what its post needs. */
export interface AttemptedDelivery {
  id: number;
  organizationId: number;
  subscriptionId: number;
  webhookId: string;
  attempts: number;
  firstAttemptAt: Date;
  body: string;
  url: string;
  secret: string;
  subscriptionActive: boolean;
}

/**
 * Counts an attempt at the oldest pending delivery of the job's stream and reads what it needs. Null when
 * the stream has nothing pending: an earlier job of the same stream already delivered this one's event.
 */
export async function startAttempt(db: Database, job: WebhookJob, now: Date): Promise<AttemptedDelivery | null> {
  const head = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, job.subscriptionId),
        eq(webhookDeliveries.stream, job.stream),
        eq(webhookDeliveries.status, Status.pending),
      ),
    )
    .orderBy(asc(webhookDeliveries.eventId))
    .limit(1);
  const [started] = await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      firstAttemptAt: sql`coalesce(${webhookDeliveries.firstAttemptAt}, ${now.toISOString()}::timestamptz)`,
      lastAttemptAt: now,
    })
    .where(and(eq(webhookDeliveries.id, sql`(${head})`), eq(webhookDeliveries.status, Status.pending)))
    .returning();
  if (!started) return null;
  const [target] = await db
    .select({
      body: webhookEvents.body,
      url: webhookSubscriptions.url,
      secret: webhookSubscriptions.secret,
      active: webhookSubscriptions.active,
    })
    .from(webhookEvents)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, started.subscriptionId))
    .where(eq(webhookEvents.id, started.eventId));
  if (!target) throw new Error(`the event of delivery ${started.id} is gone`);
  return {
    id: started.id,
    organizationId: started.organizationId,
    subscriptionId: started.subscriptionId,
    webhookId: started.webhookId,
    attempts: started.attempts,
    firstAttemptAt: started.firstAttemptAt ?? now,
    body: target.body,
    url: target.url,
    secret: target.secret,
    subscriptionActive: target.active,
  };
}

/** Delivered: the receiver answered 2xx. Its subscription is no longer failing. */
export async function markDelivered(db: Database, delivery: AttemptedDelivery, status: number, now: Date) {
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({ status: Status.delivered, deliveredAt: now, lastResponseStatus: status, lastError: null })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, Status.pending)));
    await tx
      .update(webhookSubscriptions)
      .set({ failingSince: null })
      .where(
        and(
          eq(webhookSubscriptions.id, delivery.subscriptionId),
          sql`${webhookSubscriptions.failingSince} is not null`,
        ),
      );
  });
}

/**
 * What a failed attempt found, kept on the delivery; only by the latest attempt (a stalled worker whose job
 * was taken over does not overwrite a newer outcome). With `giveUp`, the delivery is failed for good.
 */
export async function recordFailure(
  db: Database,
  delivery: Pick<AttemptedDelivery, "id" | "attempts">,
  outcome: { status: number | null; error: string; giveUp: boolean },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      lastResponseStatus: outcome.status,
      lastError: outcome.error,
      ...(outcome.giveUp ? { status: Status.failed } : {}),
    })
    .where(
      and(
        eq(webhookDeliveries.id, delivery.id),
        eq(webhookDeliveries.status, Status.pending),
        eq(webhookDeliveries.attempts, delivery.attempts),
      ),
    );
}
