import type { JobEngine, Worker } from "../jobs/job-engine";
import type { JobHandler } from "../jobs/job-handler";
import { Queue } from "../jobs/job-queue";
import { deliverNextEvent, type WebhookDeliveryOptions } from "./deliver-event";
import { webhookJobSchema } from "./webhook-job";

export interface WebhookWorkOptions extends WebhookDeliveryOptions {
  log?: (message: string, error?: unknown) => void;
}

/**
 * Posts the organizations' events from this process, beside any other process doing so: the engine runs
 * one job of a stream at a time, in order, and retries a failed post with backoff.
 */
export function workWebhooks(engine: JobEngine, options: WebhookWorkOptions): Promise<Worker> {
  return engine.work(Queue.webhooks, webhookHandler(options));
}

export function webhookHandler(options: WebhookWorkOptions): JobHandler {
  const log = options.log ?? ((message, error) => console.error(`[webhooks] ${message}`, error ?? ""));
  return {
    async run(job) {
      const data = webhookJobSchema.safeParse(job.data);
      // Not a PermanentJobError: a job the engine gives up on would hold its stream back.
      if (!data.success) {
        log(`unreadable webhook job ${job.id} skipped`);
        return;
      }
      await deliverNextEvent(options, data.data, job.signal);
    },
  };
}
