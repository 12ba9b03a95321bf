import { join } from "node:path";
import { createMailTransport, createMailWorker, mailEnvSchema } from "@interventions/api";
import { databaseEnvSchema, defaultDataDir, openConfiguredDatabase, parseEnv } from "@interventions/db";

// The delivery worker as its own process (`pnpm worker`), for when the
// app's own worker is not wanted or more are needed: any number may run at once, each message is sent once.

const env = parseEnv(databaseEnvSchema.extend(mailEnvSchema.shape), process.env);
// The app applies the migrations; this process only reads and updates the outbox.
const handle = await openConfiguredDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
const transport = createMailTransport({
  smtpUrl: env.SMTP_URL,
  directory: env.MAIL_DIR ?? join(env.DATA_DIR ?? defaultDataDir(), "mail"),
});
const worker = createMailWorker({ db: handle.db, transport, appUrl: env.APP_URL, from: env.MAIL_FROM });

let stopping = false;
async function shutdown(_signal: string) {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await transport.close();
  await handle.close();
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

worker.start();
