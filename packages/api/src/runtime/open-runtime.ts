import { type DatabaseHandle, startDatabase } from "@interventions/db";
import { createJobEngine, type JobEngine } from "../jobs/job-engine";
import type { ServerEnv } from "./env";
import { type ApiHandlers, createApiHandlers } from "./handlers";
import { checkDatabaseHealth, type Health } from "./health";
import { resolveSessionSecret } from "./session-secret";
import { openConfiguredStorage } from "./storage";

/** What a server process serves from: one database, its job engine, the handlers over them, its health. */
export interface Runtime {
  database: DatabaseHandle;
  /** Started; stop it before closing the database. */
  jobs: JobEngine;
  handlers: ApiHandlers;
  health(): Promise<Health>;
}

/** Opens the configured database (migrated; the demo on the embedded default), job engine, storage and handlers. */
export async function openRuntime(env: ServerEnv, log: (message: string) => void = console.info): Promise<Runtime> {
  const [database, storage, sessionSecret] = await Promise.all([
    startDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, maxConnections: env.DATABASE_POOL_SIZE, log }),
    openConfiguredStorage(env),
    resolveSessionSecret(env),
  ]);
  const jobs = createJobEngine({ database });
  await jobs.start();
  const handlers = createApiHandlers({
    db: database.db,
    storage,
    jobs,
    sessionSecret,
    sessionTtlHours: env.SESSION_TTL_HOURS,
  });
  return { database, jobs, handlers, health: () => checkDatabaseHealth(async () => database) };
}
