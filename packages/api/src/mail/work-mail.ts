import type { JobEngine, Worker } from "../jobs/job-engine";
import { type JobHandler, PermanentJobError } from "../jobs/job-handler";
import { Queue } from "../jobs/job-queue";
import { type DeliveryOptions, deliverMessage, describe } from "./deliver-message";
import { mailJobSchema } from "./mail-job";
import { markDead } from "./outbox-store";

export interface MailWorkOptions extends DeliveryOptions {
  log?: (message: string, error?: unknown) => void;
}

/**
 * Delivers the outbox from this process, beside any other process doing so: the engine gives each job to
 * one worker, retries a failed send with backoff, and gives a message up after its last attempt.
 */
export function workMail(engine: JobEngine, options: MailWorkOptions): Promise<Worker> {
  return engine.work(Queue.mail, mailHandler(options));
}

export function mailHandler(options: MailWorkOptions): JobHandler {
  const log = options.log ?? ((message, error) => console.error(`[mail] ${message}`, error ?? ""));
  return {
    async run(job) {
      const data = mailJobSchema.safeParse(job.data);
      if (!data.success) throw new PermanentJobError(`unreadable mail job ${job.id}`);
      await deliverMessage(options, data.data.outboxId);
    },
    async givenUp(job) {
      const data = mailJobSchema.safeParse(job.data);
      if (!data.success) {
        log(`unreadable mail job ${job.id} given up: ${job.error}`);
        return;
      }
      await markDead(options.db, data.data.outboxId, describe(job.error));
      log(`message ${data.data.outboxId} is dead: ${job.error}`);
    },
  };
}
