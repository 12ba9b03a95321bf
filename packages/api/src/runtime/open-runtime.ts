import { type DatabaseHandle, startDatabase } from "@interventions/db";
import type { ServerEnv } from "./env";
import { type ApiHandlers, createApiHandlers } from "./handlers";
import { checkDatabaseHealth, type Health } from "./health";
import { resolveSessionSecret } from "./session-secret";
import { openConfiguredStorage } from "./storage";

/** What a server process serves from: one database, the handlers over it, its health. */
export interface Runtime {
  database: DatabaseHandle;
  handlers: ApiHandlers;
  health(): Promise<Health>;
}

/** Opens the configured database (migrated; the demo on the embedded default), storage and handlers. */
export async function openRuntime(env: ServerEnv, log: (message: string) => void = console.info): Promise<Runtime> {
  const [database, storage, sessionSecret] = await Promise.all([
    startDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, maxConnections: env.DATABASE_POOL_SIZE, log }),
    openConfiguredStorage(env),
    resolveSessionSecret(env),
  ]);
  const handlers = createApiHandlers({
    db: database.db,
    storage,
    sessionSecret,
    sessionTtlHours: env.SESSION_TTL_HOURS,
  });
  return { database, handlers, health: () => checkDatabaseHealth(async () => database) };
}
