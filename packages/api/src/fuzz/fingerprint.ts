import { type Database, selectRows } from "@interventions/db";
import { sql } from "drizzle-orm";

/** Every table a request may write (sessions too: no write path opens one). */
const WRITTEN_TABLES = [
  "interventions",
  "intervention_events",
  "intervention_sites",
  "intervention_site_rules",
  "intervention_anomalies",
  "anomalies",
  "notifications",
  "email_outbox",
  "idempotency_keys",
  "routines",
  "sessions",
];

const QUERY = sql.raw(
  `select ${WRITTEN_TABLES.map(
    (table) =>
      `(select count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) from ${table} t) as "${table}"`,
  ).join(", ")}`,
);

/**
 * Row counts and an order-free hash of every row of the written tables, in one statement: equal before and
 * after means nothing was inserted, updated or deleted. A cheap stand-in for `snapshot()` at fuzzing rates.
 */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const [row] = await selectRows<Record<string, string>>(db, QUERY);
  if (!row) throw new Error("fingerprint query returned nothing");
  return row;
}
