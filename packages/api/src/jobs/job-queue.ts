import type { Transaction } from "@interventions/db";

/** The background queues; each has one handler, run by whichever process works it. */
export const Queue = {
  mail: "mail",
  /** One pass of the routine generator; the engine's schedule sends one every few minutes. */
  routines: "routines",
} as const;
export type Queue = (typeof Queue)[keyof typeof Queue];

/** What a verb needs of the job engine: jobs that exist if, and only if, their transaction commits. */
export interface JobQueue {
  /** One job per item of `data`, in one statement. */
  enqueue(tx: Transaction, queue: Queue, data: readonly Record<string, unknown>[]): Promise<void>;
}
