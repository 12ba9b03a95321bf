import type { DatabaseDriver, Transaction } from "@interventions/db";
import { type SQL, sql } from "drizzle-orm";
import { fromPglite, type Db as IDatabase } from "pg-boss";
import postgres, { type Sql } from "postgres";

type Rows = { rows: unknown[] };

/** pg-boss's way to the database: PGlite's one session, shared with the application, or a small pool of its own. */
export function connectPgBoss(driver: DatabaseDriver) {
  if (driver.kind === "pglite") {
    return { options: { db: fromPglite(driver.pglite), backend: "pglite" as const }, close: async () => {} };
  }
  const client = postgres(driver.url, { max: 4, onnotice: () => {} });
  return { options: { db: fromPostgresJs(client) }, close: () => client.end({ timeout: 5 }) };
}

/**
 * pg-boss over a postgres.js client of its own. Never the client drizzle wraps: drizzle replaces its date
 * and json serializers, and pg-boss binds Dates and objects.
 */
export function fromPostgresJs(client: Sql): IDatabase {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return rowsOf(await client.unsafe(text, bindable(values)));
      // Without values pg-boss may send a `BEGIN; …; COMMIT` script, which postgres.js refuses on a pooled
      // connection: it runs on one connection of its own, rolled back if it fails half-way.
      const connection = await client.reserve();
      try {
        return rowsOf(await connection.unsafe(text));
      } catch (error) {
        await connection.unsafe("rollback").catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    async listen(channel, onNotification, onReconnect) {
      // postgres.js calls the third argument on every (re)subscription, as pg-boss wants for catching up.
      const { unlisten } = await client.listen(channel, onNotification, onReconnect);
      return { close: unlisten };
    },
  };
}

/**
 * pg-boss statements run inside an application transaction (a Drizzle one, on either driver): a job
 * sent through it exists if, and only if, the transaction commits.
 */
export function fromTransaction(tx: Transaction): IDatabase {
  return {
    executeSql: async (text, values) => rowsOf(await tx.execute(toDrizzleSql(text, bindable(values ?? [])))),
  };
}

/** `text` with `$1…$n` and its values as a Drizzle query, each value still a bound parameter. */
export function toDrizzleSql(text: string, values: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)), sql`${sql.param(values[Number(match[1]) - 1])}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

type Scalar = string | number | boolean | null;

/** Values any client binds alike: a Date as ISO text, an object as JSON; arrays (of ids) stay arrays. */
function bindable(values: readonly unknown[]): (Scalar | Scalar[])[] {
  return values.map((value) => (Array.isArray(value) ? value.map(scalar) : scalar(value)));
}

function scalar(value: unknown): Scalar {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** pg-boss wants `{ rows }`: postgres.js answers an array per statement (an array of them for a script), PGlite `{ rows }`. */
function rowsOf(result: unknown): Rows {
  if (Array.isArray(result)) return { rows: result.every(Array.isArray) ? result.flat() : result };
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return { rows: result.rows };
  }
  throw new Error("Unexpected database result for pg-boss");
}
