import { type DatabaseHandle, startDatabase } from "@interventions/db";
import { env } from "../env";
import { forgetOpened, oncePerProcess } from "./once-per-process";

const key = "database";

/** The composition root's one database handle. */
export function getDatabase(): Promise<DatabaseHandle> {
  return oncePerProcess(key, () =>
    startDatabase({
      url: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      maxConnections: env.DATABASE_POOL_SIZE,
      log: (message) => console.info(message),
    }),
  );
}

/** Closes the handle, if one was opened; the next getDatabase() opens a new one. */
export async function closeDatabase(): Promise<void> {
  const opening = forgetOpened<DatabaseHandle>(key);
  await opening?.then((handle) => handle.close()).catch(() => {});
}
