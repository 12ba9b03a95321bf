import type { Database } from "@interventions/db";
import type { JobEngine, Worker } from "../jobs/job-engine";
import type { DestinationPolicy } from "../webhooks/destination";
import { createEventPoster } from "../webhooks/post-event";
import { workWebhooks } from "../webhooks/work-webhooks";

/** Works the webhooks queue on this engine: posts go through agents that keep to the destination policy. */
export async function deliverWebhooks(engine: JobEngine, db: Database, policy: DestinationPolicy): Promise<Worker> {
  const poster = createEventPoster(policy);
  const worker = await workWebhooks(engine, { db, jobs: engine, poster });
  return {
    async stop() {
      await worker.stop();
      poster.close();
    },
  };
}
