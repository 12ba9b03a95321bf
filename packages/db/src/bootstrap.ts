import { type DatabaseHandle, openDatabase } from "./client";
import { findEmbeddedImage } from "./embedded-image";
import { seedDemo } from "./seed/seed";
import { defaultDataDir, defaultMigrationsFolder } from "./workspace";

export interface StartOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  /** postgres.js only: the pool size (default 10). */
  maxConnections?: number | undefined;
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
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const handle = await openDatabase({
    url: options.url,
    dataDir: options.dataDir ?? (options.url ? undefined : defaultDataDir()),
    maxConnections: options.maxConnections,
    // Used only if the embedded folder is empty; migrations and seed below then find nothing to do.
    initialImage: options.url ? null : await findEmbeddedImage(migrationsFolder),
  });
  await handle.migrate(migrationsFolder);
  if (handle.kind === "pglite") {
    const result = await seedDemo(handle.db);
    if (result.seeded) log("Embedded database created and loaded with the demo (see README: demo accounts).");
  }
  log(`Database ready (${handle.kind}).`);
  return handle;
}
