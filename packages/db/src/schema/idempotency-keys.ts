import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";
import { apiClients } from "./api-clients";
import { at, ref } from "./columns";

/**
 * A partner's `Idempotency-Key` and the answer its first request got, written in the same transaction as
 * that request's write: a retry with the key gets the same answer and writes nothing. A first request that
 * failed wrote nothing, so it left no key either.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    apiClientId: ref()
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    key: text().notNull(),
    /** The endpoint and a hash of the request (path and body): a key reused for another request is refused. */
    operationId: text().notNull(),
    requestHash: text().notNull(),
    status: smallint().notNull(),
    body: jsonb().$type<unknown>().notNull(),
    /** The version of the intervention the answer carries: its ETag. */
    version: ref(),
    createdAt: at().notNull(),
    expiresAt: at().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.apiClientId, t.key] }),
    index().on(t.expiresAt),
    check("idempotency_keys_key_check", sql`char_length(${t.key}) between 1 and 255`),
  ],
);
