import { defaultMigrationsFolder, openDatabase } from "@interventions/db";
import postgres from "postgres";
import { type BenchConfig, databaseUrl } from "./config";

/** Creates the run's database and applies the migrations, as the app does at start. */
export async function createBenchDatabase(config: BenchConfig): Promise<void> {
  const admin = postgres(config.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${config.databaseName}" with (force)`);
    await admin.unsafe(`create database "${config.databaseName}"`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ url: databaseUrl(config), maxConnections: 1 });
  try {
    await handle.migrate(defaultMigrationsFolder());
  } finally {
    await handle.close();
  }
}

export async function dropBenchDatabase(config: BenchConfig): Promise<void> {
  const admin = postgres(config.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${config.databaseName}" with (force)`);
  } finally {
    await admin.end();
  }
}
