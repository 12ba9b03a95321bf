import { AnomalyStatus, enumValues, InterventionStatus, InterventionType, ProfileRole } from "@interventions/domain";
import { and, count, eq, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { verifyPassword } from "../credentials/password";
import * as schema from "../schema";
import { anomalies, interventions, organizations, profiles, users } from "../schema";
import { createTestDatabase } from "../testing";
import { DEMO_PASSWORD } from "./catalogue";
import { seedDemo } from "./seed";

const NOW = new Date("2026-11-23T10:00:00Z");
const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function rowCounts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    tables.map(async (table) => {
      const [row] = await handle.db.select({ n: count() }).from(table);
      return [getTableName(table), row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe("seedDemo", () => {
  it("loads the demo once, and a second run changes nothing", async () => {
    const first = await seedDemo(handle.db, { now: NOW });
    const afterFirst = await rowCounts();
    const second = await seedDemo(handle.db, { now: NOW });
    expect(first.seeded).toBe(true);
    expect(second.seeded).toBe(false);
    expect(await rowCounts()).toEqual(afterFirst);
    expect(afterFirst.interventions).toBeGreaterThan(0);
  });

  it("creates at least two organizations", async () => {
    const rows = await handle.db.select().from(organizations);
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it("gives every organization an intervention of every type in every status", async () => {
    const rows = await handle.db
      .select({ organizationId: interventions.organizationId, type: interventions.type, status: interventions.status })
      .from(interventions);
    const seen = new Set(rows.map((row) => `${row.organizationId}/${row.type}/${row.status}`));
    for (const org of await handle.db.select({ id: organizations.id }).from(organizations)) {
      for (const type of enumValues(InterventionType)) {
        for (const status of enumValues(InterventionStatus)) {
          expect(seen, `org ${org.id}, type ${type}, status ${status}`).toContain(`${org.id}/${type}/${status}`);
        }
      }
    }
  });

  it("gives every organization users of every role and open anomalies", async () => {
    for (const org of await handle.db.select({ id: organizations.id }).from(organizations)) {
      const roles = await handle.db
        .selectDistinct({ role: profiles.role })
        .from(profiles)
        .where(eq(profiles.organizationId, org.id));
      expect(roles.map((row) => row.role).sort()).toEqual(enumValues(ProfileRole).sort());
      const [open] = await handle.db
        .select({ n: count() })
        .from(anomalies)
        .where(and(eq(anomalies.organizationId, org.id), eq(anomalies.status, AnomalyStatus.open)));
      expect(open?.n).toBeGreaterThan(0);
    }
  });

  it("stores the demo password hashed, and it verifies", async () => {
    const [user] = await handle.db.select().from(users).where(eq(users.email, "manager@acme.example"));
    expect(user?.passwordHash).not.toContain(DEMO_PASSWORD);
    expect(await verifyPassword(DEMO_PASSWORD, user?.passwordHash ?? "")).toBe(true);
    expect(await verifyPassword("wrong password", user?.passwordHash ?? "")).toBe(false);
  });

  it("gives each organization its default language: English at Acme, French at the Lycée; no user has chosen yet", async () => {
    const rows = await handle.db
      .select({ slug: organizations.slug, locale: organizations.locale })
      .from(organizations)
      .orderBy(organizations.slug);
    expect(rows).toEqual([
      { slug: "acme-properties", locale: "en" },
      { slug: "lycee-victor-hugo", locale: "fr" },
    ]);
    const chosen = await handle.db.select({ n: count() }).from(users).where(eq(users.localeChosen, true));
    expect(chosen[0]?.n).toBe(0);
  });
});
