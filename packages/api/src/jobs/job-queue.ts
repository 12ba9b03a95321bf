import type { Transaction } from "@interventions/db";

/** The background queues; each has one handler, run by whichever process works it. */
export const Queue = {
  mail: "mail",
  /** One pass of the routine generator; the engine's schedule sends one every few minutes. */
  routines: "routines",
  /** Deletes what has expired (idempotency keys); the engine's schedule sends one every hour. */
  housekeeping: "housekeeping",
  /**
   * Posts of signed events to partners' endpoints. Jobs of one key (a subscription and what its events are
   * about) run one at a time, in order; a job posts the oldest event of its key not yet delivered.
   */
  webhooks: "webhooks",
} as const;
export type Queue = (typeof Queue)[keyof typeof Queue];

/** What a verb needs of the job engine: jobs that exist if, and only if, their transaction commits. */
export interface JobQueue {
  /** One job per item of `data`, in one statement. */
  enqueue(tx: Transaction, queue: Queue, data: readonly Record<string, unknown>[]): Promise<void>;
  /** The same for a queue whose jobs run in order per key (`QueuePolicy.inOrderOfKey`). */
  enqueueInOrder(tx: Transaction, queue: Queue, jobs: readonly KeyedJob[]): Promise<void>;
}

export interface KeyedJob {
  /** Jobs with the same key run one after the other, never side by side. */
  key: string;
  data: Record<string, unknown>;
}
