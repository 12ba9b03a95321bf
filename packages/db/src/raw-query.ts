import type { SQL } from "drizzle-orm";
import type { Executor } from "./client";

/** Rows of a raw SQL query on either driver: postgres.js returns an array, PGlite `{ rows }`. */
export async function selectRows<Row>(db: Executor, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
