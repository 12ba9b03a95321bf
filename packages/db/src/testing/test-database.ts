import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "../client";
import { databaseEnvSchema, parseEnv } from "../config";
import { defaultMigrationsFolder } from "../workspace";

/**
 * A migrated, empty database for one test file: a fresh PGlite in memory, or, when DATABASE_URL is
 * set, a new database on that server, dropped on close, so test files never see each other's rows.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL } = parseEnv(databaseEnvSchema, process.env);
  if (!DATABASE_URL) {
    const handle = await openDatabase();
    await handle.migrate(defaultMigrationsFolder());
    return handle;
  }
  const baseUrl = new URL(DATABASE_URL);
  const name = `${baseUrl.pathname.slice(1) || "postgres"}_t_${randomBytes(4).toString("hex")}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const testUrl = new URL(DATABASE_URL);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: testUrl.toString(), maxConnections: 5 });
  await handle.migrate(defaultMigrationsFolder());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
