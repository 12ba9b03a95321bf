/**
 * The lean server: the partner API, tRPC, auth, /health and /openapi.json on plain node:http, without the
 * Next.js route layer. Same configuration as the app (see README), plus PORT, HOST and WEB_CONCURRENCY.
 * Usage: pnpm serve
 */
import cluster from "node:cluster";
import { openRuntime, serverEnvSchema } from "@interventions/api/runtime";
import { parseEnv } from "@interventions/db/config";
import { z } from "zod";
import { superviseWorkers } from "./cluster";
import { listen } from "./listen";
import { createServerHandler } from "./server-handler";

const listenEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  /** Server processes sharing the port: one per core is the usual choice. PostgreSQL only. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
});

const env = parseEnv(serverEnvSchema, process.env);
const address = parseEnv(listenEnvSchema, process.env);
if (address.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
  console.error("WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database belongs to one process.");
  process.exit(2);
}
if (address.WEB_CONCURRENCY > 1 && cluster.isPrimary) {
  console.info(`Lean server: ${address.WEB_CONCURRENCY} processes sharing port ${address.PORT}.`);
  superviseWorkers(address.WEB_CONCURRENCY);
} else {
  await serve();
}

async function serve(): Promise<void> {
  const runtime = await openRuntime(env);
  const listening = await listen(createServerHandler(runtime), { port: address.PORT, host: address.HOST });
  console.info(`Lean server listening on ${listening.url} (database: ${runtime.database.kind}).`);
  await runtime.startBackgroundWork();

  let stopping = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.info(`${signal}: closing.`);
    await listening.close();
    await runtime.close();
    process.exit(0);
  }
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
