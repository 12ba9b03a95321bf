import type { Database } from "@interventions/db";
import type { JobEngine, Worker } from "../jobs/job-engine";
import { Queue } from "../jobs/job-queue";
import { purgeExpiredRateLimits } from "../limits/rate-limits";
import { purgeExpiredIdempotencyKeys } from "../rest/idempotency";
import { purgeSettledWebhookEvents } from "../webhooks/purge-events";

/**
 * Hourly: expired idempotency keys go within the hour after their 24 hours, ended rate-limit windows too,
 * and webhook events settled a month ago.
 */
export const HOUSEKEEPING_CRON = "17 * * * *";

/** Deletes what has outlived its use, once an hour, from whichever process works the queue first. */
export async function keepHouse(
  engine: JobEngine,
  db: Database,
  log: (message: string) => void = console.info,
): Promise<Worker> {
  await engine.schedule(Queue.housekeeping, HOUSEKEEPING_CRON);
  return engine.work(Queue.housekeeping, {
    async run() {
      const now = new Date();
      const keys = await purgeExpiredIdempotencyKeys(db, now);
      const budgets = await purgeExpiredRateLimits(db, now);
      const events = await purgeSettledWebhookEvents(db, now);
      if (keys + budgets + events > 0) {
        log(
          `Housekeeping deleted ${keys} expired idempotency key(s), ${budgets} ended rate-limit window(s) and ${events} settled webhook event(s).`,
        );
      }
    },
  });
}
