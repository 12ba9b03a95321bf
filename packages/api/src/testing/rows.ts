import {
  anomalies,
  type Database,
  emailOutbox,
  interventionAnomalies,
  interventionEvents,
  interventionSiteRules,
  interventionSites,
  interventions,
  notifications,
  sessions,
  webhookDeliveries,
  webhookEvents,
  webhookSubscriptions,
} from "@interventions/db";
import { must } from "@interventions/db/testing";
import type { AnomalyStatus } from "@interventions/domain";
import { asc, count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { ApiTestEnv } from "./test-env";

// What a request left in the database, read straight from the tables: what tests compare answers with,
// and the "nothing was written" snapshots.

export async function interventionRow(db: Database, id: number) {
  const [row] = await db.select().from(interventions).where(eq(interventions.id, id));
  return must(row, `intervention ${id}`);
}

export async function anomalyStatuses(db: Database, ids: number[]): Promise<AnomalyStatus[]> {
  const rows = await db.select({ id: anomalies.id, status: anomalies.status }).from(anomalies);
  const statusById = new Map(rows.map((row) => [row.id, row.status]));
  return ids.map((id) => must(statusById.get(id), `anomaly ${id}`));
}

export function eventsOf(db: Database, interventionId: number) {
  return db
    .select()
    .from(interventionEvents)
    .where(eq(interventionEvents.interventionId, interventionId))
    .orderBy(asc(interventionEvents.id));
}

export function outboxOf(db: Database, interventionId: number) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.interventionId, interventionId)).orderBy(emailOutbox.id);
}

export function notificationsOf(db: Database, interventionId: number) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.interventionId, interventionId))
    .orderBy(notifications.recipientProfileId);
}

const WRITTEN_TABLES: Record<string, PgTable> = {
  interventions,
  interventionEvents,
  emailOutbox,
  notifications,
  anomalies,
  interventionSites,
  interventionSiteRules,
  interventionAnomalies,
  webhookSubscriptions,
  webhookEvents,
  webhookDeliveries,
};

/** Every row a verb may write, in a comparable form: equal before and after means nothing was written. */
export async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const [name, table] of Object.entries(WRITTEN_TABLES)) {
    const rows: unknown[] = await db.select().from(table);
    result[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

/** Row counts of the tables a refused request must not touch: cheaper than a snapshot, for tables of cases. */
export async function writeCounts(env: ApiTestEnv) {
  const { db } = env.database;
  const [i] = await db.select({ n: count() }).from(interventions);
  const [e] = await db.select({ n: count() }).from(interventionEvents);
  const [n] = await db.select({ n: count() }).from(notifications);
  const [m] = await db.select({ n: count() }).from(emailOutbox);
  return { interventions: i?.n, events: e?.n, notifications: n?.n, emails: m?.n };
}

export async function sessionCount(env: ApiTestEnv): Promise<number> {
  const [row] = await env.database.db.select({ n: count() }).from(sessions);
  return row?.n ?? 0;
}
