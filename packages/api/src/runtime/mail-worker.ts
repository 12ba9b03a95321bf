import { type DatabaseEnv, databaseEnvSchema, openConfiguredDatabase } from "@interventions/db";
import { createJobEngine } from "../jobs/job-engine";
import { type MailEnv, mailEnvSchema } from "../mail/mail-env";
import { deliverMail } from "./mail-delivery";

/** The configuration of a mail worker process. */
export const mailWorkerEnvSchema = databaseEnvSchema.extend(mailEnvSchema.shape);
export type MailWorkerEnv = DatabaseEnv & MailEnv;

export interface MailWorkerProcess {
  /** For the start-up line: which database, and where messages go. */
  description: string;
  /** Finishes the sends under way, then closes everything. */
  stop(): Promise<void>;
}

/**
 * Delivery as a process of its own, for when the app's is off (MAIL_WORKER=off) or more are needed: any
 * number may run at once, on the app's database (which the app migrates); the engine gives each job to one.
 */
export async function startMailWorker(env: MailWorkerEnv): Promise<MailWorkerProcess> {
  const database = await openConfiguredDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const engine = createJobEngine({ database });
  try {
    await engine.start();
    const mail = await deliverMail(env, engine, database.db);
    return {
      description: `the ${database.kind} database's outbox via ${mail.description}`,
      async stop() {
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
