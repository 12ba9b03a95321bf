import type { Queue } from "./job-queue";

/** How the engine treats the jobs of one queue: how often they are tried, and how long one attempt may take. */
export interface QueuePolicy {
  /** Attempts in all, the first included; then the job is given up (see `JobHandler.givenUp`). */
  attempts: number;
  /** The wait after the first failure; it doubles after each further one (pg-boss adds up to as much at random). */
  retryDelaySeconds: number;
  /** The longest wait between two attempts. */
  retryDelayMaxSeconds: number;
  /**
   * How long an attempt may run. Past it the job is failed and tried again: this is how the job of a worker
   * that died (or hangs) is taken over, so it must outlast any attempt that is still going to finish.
   */
  expireInSeconds: number;
  /**
   * Jobs a worker takes at once and runs side by side. More than one also keeps a worker from waiting a poll
   * between jobs: the jobs of one transaction wake it once (PostgreSQL folds identical notifications).
   */
  batchSize: number;
  /** Jobs of one key run one at a time, first in first out; a failing job holds back the rest of its key. */
  inOrderOfKey?: boolean;
}

export const QUEUE_POLICIES: Record<Queue, QueuePolicy> = {
  // 8 attempts, 30 s to 1 h apart (about 1 to 2 hours of an SMTP outage). A send is bounded by the SMTP
  // timeouts (about a minute), so 5 minutes cannot take over a send that is still under way.
  mail: { attempts: 8, retryDelaySeconds: 30, retryDelayMaxSeconds: 3600, expireInSeconds: 300, batchSize: 5 },
  // A pass is idempotent and the schedule sends another within minutes: a few quick retries are enough.
  routines: { attempts: 3, retryDelaySeconds: 30, retryDelayMaxSeconds: 300, expireInSeconds: 600, batchSize: 1 },
  // A delete of what expired: the next hour's does what a failed one left.
  housekeeping: { attempts: 2, retryDelaySeconds: 60, retryDelayMaxSeconds: 300, expireInSeconds: 300, batchSize: 1 },
  // A post is bounded by its 10 s timeout. The delivery itself gives up after a day of failures (it, not the
  // engine, decides: a job the engine gave up on would hold its key back), so the engine's attempts, 30 s to
  // 1 h apart, must outlast that day: 40 of them span at least 34 hours.
  webhooks: {
    attempts: 40,
    retryDelaySeconds: 30,
    retryDelayMaxSeconds: 3600,
    expireInSeconds: 60,
    batchSize: 10,
    inOrderOfKey: true,
  },
};
