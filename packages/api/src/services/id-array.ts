import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * A list of ids as one parameter (a PostgreSQL array literal), however long it is: `in ($1, $2, …)` takes one
 * parameter per id, and a statement holds at most 65,535. Works the same on postgres.js and PGlite.
 */
export function idArray(ids: readonly number[]): SQL {
  // The schemas only let safe integers through; checked again because they are written into the literal.
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) throw new TypeError(`Not an id: ${String(id)}`);
  }
  return sql`${`{${ids.join(",")}}`}::bigint[]`;
}

/** `column = any($1::bigint[])`: the `inArray` of a request-sized list. */
export function inIds(column: AnyColumn, ids: readonly number[]): SQL {
  return sql`${column} = any(${idArray(ids)})`;
}
