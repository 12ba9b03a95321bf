/**
 * The lean server: the partner API, tRPC, auth, /health and /openapi.json on plain node:http, without the
 * Next.js route layer. Same configuration as the app (see README), plus PORT and HOST.
 * Usage: pnpm serve
 */
import { parseEnv } from "@interventions/db/config";
import { z } from "zod";
import { serverEnvSchema } from "../runtime/env";
import { startMailDelivery } from "../runtime/mail-delivery";
import { openRuntime } from "../runtime/open-runtime";
import { listen } from "./listen";
import { createServerHandler } from "./server-handler";

const listenEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
});

const env = parseEnv(serverEnvSchema, process.env);
const address = parseEnv(listenEnvSchema, process.env);
const runtime = await openRuntime(env);
const listening = await listen(createServerHandler(runtime), { port: address.PORT, host: address.HOST });
console.info(`Lean server listening on ${listening.url} (database: ${runtime.database.kind}).`);
const mail = await startMailDelivery(env, runtime.jobs, runtime.database.db);
if (mail) console.info(`Mail worker delivering the outbox via ${mail.description}.`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`${signal}: closing.`);
  await listening.close();
  await mail?.stop();
  await runtime.jobs.stop();
  await runtime.database.close();
  process.exit(0);
}
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));
