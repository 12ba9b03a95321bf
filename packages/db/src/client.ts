import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { preparingStatements } from "./prepared-statements";
import * as schema from "./schema";

export type Schema = typeof schema;

/** One type for both drivers: every query in the project is written against this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database, or a transaction already open. */
export type Executor = Database | Transaction;

export type DatabaseKind = "postgres" | "pglite";

/**
 * The driver under `db`, for a library that must reach the same database by itself (the job engine): the
 * PGlite instance, whose one session it has to share, or the URL to open connections of its own.
 */
export type DatabaseDriver = { kind: "pglite"; pglite: PGlite } | { kind: "postgres"; url: string };

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: DatabaseKind;
  readonly driver: DatabaseDriver;
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite only: the folder holding the data; without it the database lives in memory. */
  dataDir?: string | undefined;
  /** postgres.js only: the pool size. */
  maxConnections?: number | undefined;
  /** PGlite only: a packed data folder to start from, when the folder is still empty or the database in memory. */
  initialImage?: Blob | null | undefined;
}

const drizzleConfig = { schema, casing: "snake_case" } as const;

/** The extensions the migrations create (the search's trigram index), bundled with PGlite. */
export const pgliteOptions = { extensions: { pg_trgm } };

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir, options.initialImage ?? null);
}

/** No statement, and no connection attempt, runs past these: a request never waits on the database for long. */
export const STATEMENT_TIMEOUT_MS = 8_000;
const CONNECT_TIMEOUT_S = 2;

function openPostgres(url: string, max: number): DatabaseHandle {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_S,
    // A connection the server dropped (restart, failover, a terminated backend) is replaced on next use.
    connection: {
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: STATEMENT_TIMEOUT_MS,
    },
  });
  const db = drizzlePostgres({ client: preparingStatements(client), ...drizzleConfig });
  return {
    db,
    kind: "postgres",
    driver: { kind: "postgres", url },
    migrate: (migrationsFolder) => migratePostgres(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string | undefined, initialImage: Blob | null): Promise<DatabaseHandle> {
  let client: PGlite;
  if (dataDir) {
    const folder = join(dataDir, "pglite");
    const fresh = !existsSync(join(folder, "PG_VERSION"));
    await mkdir(folder, { recursive: true });
    client = await PGlite.create(folder, {
      ...pgliteOptions,
      ...(fresh && initialImage ? { loadDataDir: initialImage } : {}),
    });
  } else {
    client = await PGlite.create({ ...pgliteOptions, ...(initialImage ? { loadDataDir: initialImage } : {}) });
  }
  const db = drizzlePglite({ client, ...drizzleConfig });
  return {
    db,
    kind: "pglite",
    driver: { kind: "pglite", pglite: client },
    migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}
