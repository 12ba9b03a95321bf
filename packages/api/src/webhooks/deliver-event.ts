import type { Database } from "@interventions/db";
import type { JobQueue } from "../jobs/job-queue";
import { noteFailedDelivery } from "../services/webhooks/turn-off-failing";
import { type AttemptedDelivery, markDelivered, recordFailure, startAttempt } from "./delivery-store";
import type { EventPoster } from "./post-event";
import type { WebhookJob } from "./webhook-job";

/** How long a delivery is retried, from its first attempt, before it is failed for good. */
export const RETRY_FOR_MS = 24 * 3_600_000;

export interface WebhookDeliveryOptions {
  db: Database;
  /** For the notices and e-mails of a subscription turned off. */
  jobs: JobQueue;
  poster: EventPoster;
  clock?: () => Date;
  /** Tests shorten the day a delivery is retried for. */
  retryForMs?: number;
}

export class DeliveryFailed extends Error {
  override name = "DeliveryFailed";
}

/**
 * One attempt at the oldest undelivered event of the job's stream. A failure is kept on the delivery and
 * thrown, for the engine to retry with backoff, until the delivery has been tried for a day: then it is
 * failed and the job ends, so that the stream's next event goes on.
 */
export async function deliverNextEvent(options: WebhookDeliveryOptions, job: WebhookJob, signal?: AbortSignal) {
  const clock = options.clock ?? (() => new Date());
  const delivery = await startAttempt(options.db, job, clock());
  if (!delivery) return;
  if (!delivery.subscriptionActive) {
    await recordFailure(options.db, delivery, { status: null, error: "The subscription is turned off", giveUp: true });
    return;
  }
  const outcome = await options.poster.post(
    {
      url: delivery.url,
      secret: delivery.secret,
      webhookId: delivery.webhookId,
      body: delivery.body,
      timestamp: clock(),
    },
    signal,
  );
  if (outcome.ok) {
    await markDelivered(options.db, delivery, outcome.status, clock());
    return;
  }
  const giveUp = clock().getTime() - delivery.firstAttemptAt.getTime() >= (options.retryForMs ?? RETRY_FOR_MS);
  await recordFailure(options.db, delivery, { ...outcome, giveUp });
  await noteFailedDelivery(options, failureOf(delivery, outcome.error), clock());
  if (!giveUp) throw new DeliveryFailed(`webhook ${delivery.webhookId}: ${outcome.error}`);
}

const failureOf = (delivery: AttemptedDelivery, error: string) => ({
  organizationId: delivery.organizationId,
  subscriptionId: delivery.subscriptionId,
  error,
});
