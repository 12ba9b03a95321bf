import { type DatabaseEnv, databaseEnvSchema, openConfiguredDatabase } from "@interventions/db";
import { createJobEngine } from "../jobs/job-engine";
import { type MailEnv, mailEnvSchema } from "../mail/mail-env";
import { destinationPolicyOf, type WebhookEnv, webhookEnvSchema } from "../webhooks/webhook-env";
import { keepHouse } from "./housekeeping";
import { deliverMail } from "./mail-delivery";
import { generateRoutines } from "./routine-generation";
import { deliverWebhooks } from "./webhook-delivery";

/** The configuration of a worker process. */
export const workerEnvSchema = databaseEnvSchema.extend(mailEnvSchema.shape).extend(webhookEnvSchema.shape);
export type WorkerEnv = DatabaseEnv & MailEnv & WebhookEnv;

export interface WorkerProcess {
  /** For the start-up line: which database, and where messages go. */
  description: string;
  /** Finishes the jobs under way, then closes everything. */
  stop(): Promise<void>;
}

/**
 * The background work (mail delivery, webhook posts, the routine generator) as a process of its own, for when the
 * servers' is off (MAIL_WORKER=off, ROUTINE_GENERATOR=off) or more are needed: any number may run at once,
 * on the app's database (which the app migrates); the engine gives each job to one.
 */
export async function startWorker(
  env: WorkerEnv,
  log: (message: string) => void = console.info,
): Promise<WorkerProcess> {
  const database = await openConfiguredDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const engine = createJobEngine({ database });
  try {
    await engine.start();
    const mail = await deliverMail(env, engine, database.db);
    const webhooks = await deliverWebhooks(engine, database.db, destinationPolicyOf(env));
    const routines = await generateRoutines(engine, { db: database.db, jobs: engine }, log);
    const housekeeping = await keepHouse(engine, database.db, log);
    return {
      description: `the ${database.kind} database's outbox via ${mail.description}, webhooks, the routine generator and housekeeping`,
      async stop() {
        await housekeeping.stop();
        await routines.stop();
        await webhooks.stop();
        await mail.stop();
        await engine.stop();
        await database.close();
      },
    };
  } catch (error) {
    await engine.stop({ graceful: false }).catch(() => {});
    await database.close();
    throw error;
  }
}
