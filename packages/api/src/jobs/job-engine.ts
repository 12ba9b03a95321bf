import type { DatabaseHandle } from "@interventions/db";
import { type JobResult, type JobWithMetadata, PgBoss } from "pg-boss";
import { type JobHandler, PermanentJobError } from "./job-handler";
import { type JobQueue, Queue } from "./job-queue";
import { connectPgBoss, fromTransaction } from "./pg-boss-adapters";
import { QUEUE_POLICIES, type QueuePolicy } from "./queue-policy";

/** How often the engine looks at the database, in seconds; tests make them small. */
export interface EngineTimings {
  /** How often expired attempts are failed (and so retried): with `expireInSeconds`, what a dead worker costs. */
  superviseSeconds: number;
  /** How often an idle worker polls, when LISTEN/NOTIFY is not available. */
  pollingSeconds: number;
  /** The poll kept beside LISTEN/NOTIFY: a retry that comes due is only seen by it. */
  notifyPollingSeconds: number;
}

export const DEFAULT_TIMINGS: EngineTimings = { superviseSeconds: 30, pollingSeconds: 2, notifyPollingSeconds: 10 };

export interface JobEngineOptions {
  database: DatabaseHandle;
  /** Overrides of the queues' policies (tests: fewer attempts, shorter waits). */
  policies?: Partial<Record<Queue, Partial<QueuePolicy>>>;
  timings?: Partial<EngineTimings>;
  log?: (message: string, error?: unknown) => void;
}

/** A queue being worked by this process. */
export interface Worker {
  /** Takes no more jobs and waits for the attempts under way. */
  stop(): Promise<void>;
}

export interface JobEngine extends JobQueue {
  /** Installs the engine's schema (idempotent) and the queues; before any `enqueue` or `work`. */
  start(): Promise<void>;
  /** Runs this queue's jobs in this process, beside any other process working it: each job goes to one. */
  work(queue: Queue, handler: JobHandler): Promise<Worker>;
  /** Sends this queue a job on a cron expression (UTC), from any number of processes, once per occurrence. */
  schedule(queue: Queue, cron: string): Promise<void>;
  /** `graceful: false` does not wait for the attempts under way: they are failed, and retried elsewhere. */
  stop(options?: { graceful?: boolean }): Promise<void>;
}

/** How long a graceful stop waits for the attempts under way, and the slack before giving up on pg-boss. */
const STOP_TIMEOUT_MS = 30_000;
const STOP_SLACK_MS = 5_000;

/** pg-boss's schema in the application's database, beside the application's own tables. */
const SCHEMA = "jobs";
/** Where a queue's given-up jobs go, for its `givenUp` handler. */
const givenUpQueue = (queue: Queue) => `${queue}.given-up`;

/** The job engine (pg-boss) over the application's database: the embedded PGlite, or PostgreSQL. */
export function createJobEngine(options: JobEngineOptions): JobEngine {
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const log = options.log ?? ((message, error) => console.error(`[jobs] ${message}`, error ?? ""));
  const connection = connectPgBoss(options.database.driver);
  const boss = new PgBoss({
    ...connection.options,
    schema: SCHEMA,
    useListenNotify: true,
    superviseIntervalSeconds: timings.superviseSeconds,
    monitorIntervalSeconds: timings.superviseSeconds,
    // Schedules (the routine generator's) are sent by whichever process's pass comes first, once per tick.
    schedule: true,
  });
  boss.on("error", (error) => log("engine error", error));

  const policyOf = (queue: Queue): QueuePolicy => ({ ...QUEUE_POLICIES[queue], ...options.policies?.[queue] });

  async function workGivenUp(queue: Queue, givenUp: NonNullable<JobHandler["givenUp"]>): Promise<string> {
    // Not urgent, and not notified: polled at the backstop's pace.
    const polling = { ...workOptions(timings, 1), pollingIntervalSeconds: timings.notifyPollingSeconds };
    return boss.work(givenUpQueue(queue), { ...polling, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      await givenUp({ id: job.sourceId ?? job.id, data: job.data, error: describeOutput(job.sourceOutput) });
    });
  }

  return {
    async start() {
      await boss.start();
      // Every queue is created now, which also fills pg-boss's queue cache: a send inside a transaction
      // then needs nothing outside it (on PGlite, anything else would wait for the transaction to end).
      for (const queue of Object.values(Queue)) {
        const policy = policyOf(queue);
        await boss.createQueue(givenUpQueue(queue));
        const settings = {
          retryLimit: policy.attempts - 1,
          retryDelay: policy.retryDelaySeconds,
          retryBackoff: true,
          retryDelayMax: policy.retryDelayMaxSeconds,
          expireInSeconds: policy.expireInSeconds,
          deadLetter: givenUpQueue(queue),
          notify: true,
        };
        await boss.createQueue(queue, { ...settings, ...(policy.inOrderOfKey ? { policy: "key_strict_fifo" } : {}) });
        // A queue created by an older release takes the policy of this one.
        await boss.updateQueue(queue, settings);
      }
    },

    async enqueue(tx, queue, data) {
      if (data.length === 0) return;
      // The queue's policy (attempts, delays, dead letter) applies to inserted jobs as to sent ones.
      await boss.insert(
        queue,
        data.map((item) => ({ data: item })),
        { db: fromTransaction(tx) },
      );
    },

    async enqueueInOrder(tx, queue, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        queue,
        jobs.map((job) => ({ data: job.data, singletonKey: job.key })),
        { db: fromTransaction(tx) },
      );
    },

    async work(queue, handler) {
      const options = { ...workOptions(timings, policyOf(queue).batchSize), includeMetadata: true } as const;
      const id = await boss.work(queue, { ...options, perJobResults: true }, (jobs: JobWithMetadata[]) =>
        Promise.all(jobs.map((job) => attempt(handler, job))),
      );
      const workers: { name: string; id: string }[] = [{ name: queue, id }];
      if (handler.givenUp) workers.push({ name: givenUpQueue(queue), id: await workGivenUp(queue, handler.givenUp) });
      return {
        async stop() {
          for (const worker of workers) await boss.offWork(worker.name, { id: worker.id, wait: true });
        },
      };
    },

    async schedule(queue, cron) {
      // After downtime, one pass catches up: the generator plans the current occurrence, never a backlog.
      await boss.schedule(queue, cron, null, { tz: "UTC", missed: "once" });
    },

    async stop({ graceful = true } = {}) {
      // After the database dropped its connections, pg-boss may wait on one forever: the stop is bounded,
      // then its connections are closed anyway (the jobs under way are retried elsewhere, as after a crash).
      const bound = (graceful ? STOP_TIMEOUT_MS : 0) + STOP_SLACK_MS;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), bound);
      });
      const outcome = await Promise.race([boss.stop({ graceful, timeout: STOP_TIMEOUT_MS }), late]);
      clearTimeout(timer);
      if (outcome === "late") log(`the engine did not stop within ${bound / 1000} s; closing its connections`);
      await connection.close();
    },
  };
}

/** One attempt, settled on its own: a `PermanentJobError` skips the retries left. */
async function attempt(handler: JobHandler, job: JobWithMetadata): Promise<JobResult> {
  try {
    await handler.run({ id: job.id, data: job.data, attempt: job.retryCount + 1, signal: job.signal });
    return { id: job.id, status: "completed" };
  } catch (error) {
    const output = { message: error instanceof Error ? error.message : String(error) };
    return { id: job.id, status: error instanceof PermanentJobError ? "deadletter" : "failed", output };
  }
}

function workOptions(timings: EngineTimings, batchSize: number) {
  return {
    batchSize,
    burstWhenBatchFull: true,
    pollingIntervalSeconds: timings.pollingSeconds,
    notifyPollingIntervalSeconds: timings.notifyPollingSeconds,
  };
}

/** What pg-boss kept of a failure: our `{ message }`, or its own `{ value: { message } }` (expiry, shutdown). */
function describeOutput(output: unknown): string {
  if (typeof output === "object" && output !== null) {
    if ("message" in output && typeof output.message === "string") return output.message;
    if ("value" in output) return describeOutput(output.value);
  }
  return typeof output === "string" ? output : JSON.stringify(output ?? "given up");
}
