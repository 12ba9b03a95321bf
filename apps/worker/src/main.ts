import { startWorker, workerEnvSchema } from "@interventions/api/runtime";
import { parseEnv } from "@interventions/db";

// The background worker as its own process (`pnpm worker`), for when the servers' own is off
// (MAIL_WORKER=off, ROUTINE_GENERATOR=off) or more are needed: any number may run at once, each job goes to one.

const worker = await startWorker(parseEnv(workerEnvSchema, process.env));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`Worker: ${signal}, finishing the jobs under way…`);
  await worker.stop();
  console.info("Worker: stopped.");
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

console.info(`Worker: working ${worker.description}.`);
