import { parseEnv } from "@interventions/db";
import { mailWorkerEnvSchema, startMailWorker } from "../runtime/mail-worker";

// The delivery worker as its own process (`pnpm --filter @interventions/api mail-worker`): any number may
// run at once, each message is sent by one of them.

const worker = await startMailWorker(parseEnv(mailWorkerEnvSchema, process.env));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Mail worker: ${signal}, finishing the messages under way…`);
  await worker.stop();
  console.log("Mail worker: stopped.");
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

console.log(`Mail worker: delivering ${worker.description}.`);
