import { type DatabaseHandle, organizations, sites } from "@interventions/db";
import { createTestDatabase } from "@interventions/db/testing";
import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idArray, inIds } from "../id-array";

// On the driver of this run (PGlite, or postgres.js when DATABASE_URL is set): a list longer than the
// 65,535 parameters a statement may hold goes as one parameter.

let database: DatabaseHandle;
let siteIds: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  const [organization] = await database.db
    .insert(organizations)
    .values({ name: "Test", slug: "test" })
    .returning({ id: organizations.id });
  if (!organization) throw new Error("no organization");
  const rows = await database.db
    .insert(sites)
    .values(
      ["A", "B", "C"].map((name) => ({
        organizationId: organization.id,
        name,
        address: "1 rue",
        postalCode: "69001",
        city: "Lyon",
      })),
    )
    .returning({ id: sites.id });
  siteIds = rows.map((row) => row.id);
});
afterAll(async () => {
  await database.close();
});

const select = () => database.db.select({ id: sites.id }).from(sites).$dynamic();

describe("inIds", () => {
  it("finds what a 70,000-id list names, with one parameter", async () => {
    const ids = [...Array.from({ length: 70_000 }, (_, index) => 1_000_000 + index), ...siteIds];
    const rows = await select().where(inIds(sites.id, ids)).orderBy(asc(sites.id));
    expect(rows.map((row) => row.id)).toEqual(siteIds);
    expect(select().where(inIds(sites.id, ids)).toSQL().params).toHaveLength(1);
  });

  it("matches as inArray does, negative ids and duplicates included", async () => {
    const [first = 0, , third = 0] = siteIds;
    const ids = [third, -5, first, first, Number.MAX_SAFE_INTEGER];
    const expected = await select().where(inArray(sites.id, ids)).orderBy(asc(sites.id));
    expect(await select().where(inIds(sites.id, ids)).orderBy(asc(sites.id))).toEqual(expected);
    expect(expected).toHaveLength(2);
  });

  it("matches nothing for an empty list", async () => {
    expect(await select().where(inIds(sites.id, []))).toEqual([]);
  });

  it("refuses anything but safe integers, which it writes into the literal", () => {
    expect(() => idArray([1, 1.5])).toThrow(TypeError);
    expect(() => idArray([Number.MAX_SAFE_INTEGER + 1])).toThrow(TypeError);
    expect(() => idArray([Number.NaN])).toThrow(TypeError);
  });
});
