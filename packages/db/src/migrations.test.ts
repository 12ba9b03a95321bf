import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { selectRows } from "./raw-query";
import { createTestDatabase } from "./testing";
import { defaultMigrationsFolder } from "./workspace";

const EXPECTED_TABLES = [
  "anomalies",
  "api_clients",
  "companies",
  "company_contacts",
  "email_outbox",
  "idempotency_keys",
  "intervention_anomalies",
  "intervention_events",
  "intervention_site_rules",
  "intervention_sites",
  "interventions",
  "notifications",
  "obligation_reminders",
  "organizations",
  "profiles",
  "rate_limits",
  "routines",
  "rules",
  "sessions",
  "site_rules",
  "sites",
  "users",
  "webhook_deliveries",
  "webhook_events",
  "webhook_subscriptions",
];

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function publicTables(): Promise<string[]> {
  const rows = await selectRows<{ table_name: string }>(
    handle.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe("migrations", () => {
  it("create every table on an empty database", async () => {
    expect(await publicTables()).toEqual(EXPECTED_TABLES);
  });

  it("can be applied again without changing anything", async () => {
    await handle.migrate(defaultMigrationsFolder());
    expect(await publicTables()).toEqual(EXPECTED_TABLES);
  });

  it("index the dashboard's list by organization with status, type and scheduled date", async () => {
    const rows = await selectRows<{ indexname: string }>(
      handle.db,
      sql`select indexname from pg_indexes where tablename = 'interventions' order by indexname`,
    );
    expect(rows.map((row) => row.indexname)).toEqual(
      expect.arrayContaining([
        "interventions_org_scheduled_idx",
        "interventions_org_status_scheduled_idx",
        "interventions_org_type_scheduled_idx",
      ]),
    );
  });
});
