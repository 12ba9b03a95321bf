import { type DatabaseHandle, startDatabase } from "@interventions/db";
import { env } from "../env";

// The composition root's one database handle, kept on globalThis so that dev-server reloads reuse it.
const holder = globalThis as typeof globalThis & { __interventionsDatabase?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.__interventionsDatabase) {
    const opening = startDatabase({
      url: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      log: (message) => console.info(message),
    });
    // A failed start is not cached: the next request tries again (the server may come up later).
    opening.catch(() => {
      if (holder.__interventionsDatabase === opening) holder.__interventionsDatabase = undefined;
    });
    holder.__interventionsDatabase = opening;
  }
  return holder.__interventionsDatabase;
}
