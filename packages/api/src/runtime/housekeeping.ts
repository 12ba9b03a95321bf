import type { Database } from "@interventions/db";
import type { JobEngine, Worker } from "../jobs/job-engine";
import { Queue } from "../jobs/job-queue";
import { purgeExpiredRateLimits } from "../limits/rate-limits";
import { purgeExpiredIdempotencyKeys } from "../rest/idempotency";

/** Hourly: expired idempotency keys go within the hour after their 24 hours, ended rate-limit windows too. */
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
      if (keys + budgets > 0) {
        log(`Housekeeping deleted ${keys} expired idempotency key(s) and ${budgets} ended rate-limit window(s).`);
      }
    },
  });
}
