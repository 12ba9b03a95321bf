import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase, pgliteOptions } from "../client";
import { databaseEnvSchema, parseEnv } from "../config";
import { migrationsHash } from "../embedded-image";
import * as schema from "../schema";
import { defaultMigrationsFolder } from "../workspace";

/**
 * A migrated, empty database for one test file: a fresh PGlite in memory, or, when DATABASE_URL is
 * set, a new database on that server, dropped on close, so test files never see each other's rows.
 * Both start from a copy of a database the migrations built once for the whole run (PGlite: a packed
 * data folder in the system's temporary folder; PostgreSQL: a template database), named after the
 * migrations, so that each file does not spend seconds migrating.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL } = parseEnv(databaseEnvSchema, process.env);
  const migrationsFolder = defaultMigrationsFolder();
  const version = await migrationsHash(migrationsFolder);
  if (!DATABASE_URL) return openDatabase({ initialImage: await migratedImage(migrationsFolder, version) });

  const baseName = new URL(DATABASE_URL).pathname.slice(1) || "postgres";
  // The `_t_` infix: CI drops whatever a crashed run leaves under its database's name with it.
  const template = `${baseName}_t_migrated_${version}`;
  const name = `${baseName}_t_${randomBytes(4).toString("hex")}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  await ensureTemplate(admin, DATABASE_URL, template, migrationsFolder);
  await admin.unsafe(`create database "${name}" template "${template}"`);
  const handle = await openDatabase({ url: databaseUrl(DATABASE_URL, name), maxConnections: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Makes the migrated template once: test workers wait on an advisory lock for the first to finish it. */
async function ensureTemplate(admin: postgres.Sql, serverUrl: string, template: string, migrationsFolder: string) {
  await admin`select pg_advisory_lock(hashtext(${template}))`;
  try {
    const [existing] = await admin`select 1 from pg_database where datname = ${template}`;
    if (existing) return;
    const building = `${template}_building`;
    await admin.unsafe(`drop database if exists "${building}" with (force)`);
    await admin.unsafe(`create database "${building}"`);
    const handle = await openDatabase({ url: databaseUrl(serverUrl, building), maxConnections: 1 });
    try {
      await handle.migrate(migrationsFolder);
    } finally {
      await handle.close();
    }
    // Renamed once complete, so that an interrupted build is never copied.
    await admin.unsafe(`alter database "${building}" rename to "${template}"`);
  } finally {
    await admin`select pg_advisory_unlock(hashtext(${template}))`;
  }
}

let image: Promise<Blob> | undefined;

/** The migrated PGlite data folder, packed: read from the temporary folder, or built and left there. */
function migratedImage(migrationsFolder: string, version: string): Promise<Blob> {
  image ??= (async () => {
    const path = join(tmpdir(), "interventions-test-images", `migrated-${version}.tar`);
    if (existsSync(path)) return new Blob([await readFile(path)]);
    const client = await PGlite.create(pgliteOptions);
    try {
      await migrate(drizzle({ client, schema, casing: "snake_case" }), { migrationsFolder });
      const packed = await client.dumpDataDir("none");
      // Written aside then renamed: a worker reading it at the same moment sees a whole file or none.
      await mkdir(join(path, ".."), { recursive: true });
      const partial = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
      await writeFile(partial, Buffer.from(await packed.arrayBuffer()));
      await rename(partial, path);
      return packed;
    } finally {
      await client.close();
    }
  })();
  return image;
}
