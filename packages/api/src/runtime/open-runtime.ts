import { type DatabaseHandle, startDatabase } from "@interventions/db";
import { ActorCache } from "../auth/actor-cache";
import { SessionTokens } from "../auth/session-token";
import type { ServiceDeps } from "../context";
import { createJobEngine, type JobEngine, type Worker } from "../jobs/job-engine";
import { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimits } from "../limits/rate-limits";
import type { SignatureStorage } from "../storage/signature-storage";
import { destinationPolicyOf } from "../webhooks/webhook-env";
import type { ServerEnv } from "./env";
import { type ApiHandlers, createApiHandlers } from "./handlers";
import { checkDatabaseHealth, type Health } from "./health";
import { keepHouse } from "./housekeeping";
import { type MailDelivery, startMailDelivery } from "./mail-delivery";
import { generateRoutines } from "./routine-generation";
import { resolveSessionSecret } from "./session-secret";
import { openConfiguredStorage } from "./storage";
import { deliverWebhooks } from "./webhook-delivery";

/** Everything a process serves and works from, built once: the composition root of every app. */
export interface Runtime {
  env: ServerEnv;
  database: DatabaseHandle;
  storage: SignatureStorage;
  /** The job engine, started: verbs enqueue on it; background work runs on it. */
  jobs: JobEngine;
  tokens: SessionTokens;
  sessionTtlMs: number;
  /** What every verb receives besides its actor and clock. */
  services: ServiceDeps;
  /** API keys' budgets and failed sign-ins (the dashboard's sign-in form spends from them too). */
  rateLimits: RateLimits;
  handlers: ApiHandlers;
  health(): Promise<Health>;
  /**
   * Starts the background work this process takes part in: mail delivery (unless MAIL_WORKER=off), webhook
   * posts (unless WEBHOOK_WORKER=off) and the routine generator (unless ROUTINE_GENERATOR=off).
   */
  startBackgroundWork(): Promise<void>;
  /** Stops the background work, then closes storage and the database. */
  close(): Promise<void>;
}

/** Opens the configured database (migrated; the demo on the embedded default), storage and handlers. */
export async function openRuntime(env: ServerEnv, log: (message: string) => void = console.info): Promise<Runtime> {
  const [database, opened, sessionSecret] = await Promise.all([
    startDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, maxConnections: env.DATABASE_POOL_SIZE, log }),
    openConfiguredStorage(env, log),
    resolveSessionSecret(env),
  ]);
  const { storage } = opened;
  const jobs = createJobEngine({ database });
  await jobs.start();
  const tokens = new SessionTokens(sessionSecret);
  const sessionTtlMs = env.SESSION_TTL_HOURS * 3_600_000;
  const webhookDestinations = destinationPolicyOf(env);
  const services: ServiceDeps = { db: database.db, storage, jobs, webhookDestinations, actors: new ActorCache() };
  const rateLimits = createRateLimits(env.REDIS_URL ? { kind: "redis", url: env.REDIS_URL } : database.driver, {
    ...DEFAULT_RATE_LIMITS,
    perApiKeyPerMinute: env.RATE_LIMIT_PER_MINUTE,
  });
  let mail: MailDelivery | null = null;
  let routines: Worker | null = null;
  let housekeeping: Worker | null = null;
  let webhooks: Worker | null = null;
  let started = false;
  return {
    env,
    database,
    storage,
    jobs,
    tokens,
    sessionTtlMs,
    services,
    rateLimits,
    handlers: createApiHandlers({ services, tokens, rateLimits, sessionTtlMs, trustProxy: env.TRUST_PROXY }),
    health: () => checkDatabaseHealth(database),
    async startBackgroundWork() {
      if (started) return;
      started = true;
      mail = await startMailDelivery(env, jobs, database.db);
      if (mail) log(`Mail worker delivering the outbox via ${mail.description}.`);
      if (env.WEBHOOK_WORKER === "on") webhooks = await deliverWebhooks(jobs, database.db, webhookDestinations);
      if (env.ROUTINE_GENERATOR === "on") routines = await generateRoutines(jobs, services, log);
      housekeeping = await keepHouse(jobs, database.db, log);
    },
    async close() {
      await housekeeping?.stop();
      await routines?.stop();
      await webhooks?.stop();
      await mail?.stop();
      await jobs.stop();
      await rateLimits.close();
      await opened.close();
      await database.close();
    },
  };
}
