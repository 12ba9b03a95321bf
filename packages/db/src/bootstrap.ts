import { type DatabaseHandle, openDatabase } from "./client";
import { seedDemo } from "./seed/seed";
import { defaultDataDir, defaultMigrationsFolder } from "./workspace";

export interface StartOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  migrationsFolder?: string | undefined;
  log?: (message: string) => void;
}

/** PostgreSQL when a URL is given, otherwise the embedded database on disk (DATA_DIR, or `<repo>/.data`). */
export function openConfiguredDatabase(options: { url?: string | undefined; dataDir?: string | undefined }) {
  return openDatabase({ url: options.url, dataDir: options.dataDir ?? (options.url ? undefined : defaultDataDir()) });
}

/**
 * Opens the configured database and brings its schema up to date. The embedded default also gets
 * the demo on its first start, so a fresh clone has something to look at.
 */
export async function startDatabase(options: StartOptions = {}): Promise<DatabaseHandle> {
  const log = options.log ?? (() => {});
  const handle = await openDatabase({
    url: options.url,
    dataDir: options.dataDir ?? (options.url ? undefined : defaultDataDir()),
  });
  await handle.migrate(options.migrationsFolder ?? defaultMigrationsFolder());
  if (handle.kind === "pglite") {
    const result = await seedDemo(handle.db);
    if (result.seeded) log("Embedded database created and loaded with the demo (see README: demo accounts).");
  }
  log(`Database ready (${handle.kind}).`);
  return handle;
}
