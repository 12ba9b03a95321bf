import { routines, siteRules, sites } from "@interventions/db";
import { LEAD_DAYS_MAX, RuleKind } from "@interventions/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  type DashboardClient,
  dashboardClient,
  expectTrpcError,
  loadSeed,
  type SeedFixture,
  TEST_NOW,
  trpcClient,
} from "../../testing";

// routines.list and routines.update: every routine of the organization with its site, rule, assignee and
// obligation, and nothing of another one; each field changed alone, the references checked, the roles kept.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: DashboardClient;
let viewer: DashboardClient;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await dashboardClient(env, "manager@acme.example");
  viewer = await dashboardClient(env, "viewer@acme.example");
});
afterAll(async () => {
  await env.close();
});

/** A routine id no row has. */
const UNKNOWN_ID = 999_999;

async function routineRow(id: number) {
  const [row] = await env.database.db.select().from(routines).where(eq(routines.id, id));
  if (!row) throw new Error(`no routine ${id}`);
  return row;
}

async function routineIdsOf(organizationId: number): Promise<number[]> {
  const rows = await env.database.db
    .select({ id: routines.id })
    .from(routines)
    .where(eq(routines.organizationId, organizationId));
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** The routine of the seed on that site and rule. */
async function routineOf(siteName: string, ruleCode: string): Promise<number> {
  const [row] = await env.database.db
    .select({ id: routines.id })
    .from(routines)
    .innerJoin(siteRules, eq(siteRules.id, routines.siteRuleId))
    .where(and(eq(siteRules.siteId, seed.acme.siteId(siteName)), eq(siteRules.ruleId, seed.acme.ruleId(ruleCode))));
  if (!row) throw new Error(`no routine for ${ruleCode} at ${siteName}`);
  return row.id;
}

const ids = (list: { id: number }[]) => list.map((item) => item.id).sort((a, b) => a - b);

describe("routines.list", () => {
  it("every routine of the organization, by site and rule, named, with its obligation as the register has it", async () => {
    const { routines: listed } = await manager.routines.list.query();
    expect(ids(listed)).toEqual(await routineIdsOf(seed.acme.id));
    expect(listed.length).toBeGreaterThan(5);
    const order = listed.map((routine) => `${routine.site.name}\u0000${routine.rule.code}`);
    expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const { obligations } = await manager.compliance.overview.query({});
    for (const routine of listed) {
      const siteRule = seed.acme.siteRules.find((candidate) => candidate.id === routine.siteRuleId);
      expect(siteRule).toMatchObject({ siteId: routine.site.id, ruleId: routine.rule.id, kind: RuleKind.check });
      expect(routine.rule.code.length).toBeGreaterThan(0);
      expect(routine.rule.periodicityMonths).toBeGreaterThan(0);
      const obligation = obligations.find((candidate) => candidate.siteRuleId === routine.siteRuleId);
      expect(routine.obligation).toEqual({
        status: obligation?.status,
        dueAt: obligation?.dueAt,
        nextIntervention: obligation?.nextIntervention,
      });
    }
  });

  it("names the seed's assignee, a provider's contact with the company, and no member", async () => {
    const { routines: listed } = await manager.routines.list.query();
    const karim = seed.acme.contactId("Karim Benali");
    const thomas = seed.acme.contactId("Thomas Girard");
    for (const routine of listed) {
      expect(routine.assignedProfile).toBeNull();
      expect([karim, thomas]).toContain(routine.assignedContact?.id);
    }
    expect(listed.map((routine) => routine.assignedContact)).toContainEqual({
      id: karim,
      name: "Karim Benali",
      companyName: "Sécurité Incendie Rhône",
    });
    expect(listed.map((routine) => routine.assignedContact)).toContainEqual({
      id: thomas,
      name: "Thomas Girard",
      companyName: "ElecControl",
    });
    expect(listed.every((routine) => routine.leadDays === 30 && routine.active)).toBe(true);
  });

  it("one site's routines, or one rule's", async () => {
    const siteId = seed.acme.siteId("Immeuble Saxe");
    const bySite = (await manager.routines.list.query({ siteId })).routines;
    expect(bySite.length).toBeGreaterThan(0);
    expect(bySite.every((routine) => routine.site.id === siteId)).toBe(true);
    const ruleId = seed.acme.ruleId("EXT");
    const byRule = (await manager.routines.list.query({ ruleId })).routines;
    expect(byRule.length).toBeGreaterThan(0);
    expect(byRule.every((routine) => routine.rule.id === ruleId)).toBe(true);
  });

  it("another organization's routines are its own: none of Acme's, and Acme's site filter finds nothing", async () => {
    const lycee = await dashboardClient(env, "manager@lycee-hugo.example");
    const { routines: listed } = await lycee.routines.list.query();
    expect(ids(listed)).toEqual(await routineIdsOf(seed.lycee.id));
    expect(listed.length).toBeGreaterThan(0);
    const acmeSite = seed.acme.siteId("Immeuble Saxe");
    expect((await lycee.routines.list.query({ siteId: acmeSite })).routines).toEqual([]);
  });

  it("a routine of an archived site is no longer listed, nor changed", async () => {
    const routineId = await routineOf("Bureaux Confluence", "ELEC");
    const siteId = seed.acme.siteId("Bureaux Confluence");
    await env.database.db.update(sites).set({ archivedAt: TEST_NOW }).where(eq(sites.id, siteId));
    try {
      const { routines: listed } = await manager.routines.list.query();
      expect(listed.some((routine) => routine.site.id === siteId)).toBe(false);
      await expectTrpcError(manager.routines.update.mutate({ routineId, leadDays: 5 }), "NOT_FOUND", 404, "NOT_FOUND");
      expect((await routineRow(routineId)).leadDays).toBe(30);
    } finally {
      await env.database.db.update(sites).set({ archivedAt: null }).where(eq(sites.id, siteId));
    }
  });

  it("a viewer reads them; a provider's technician does not (403), by cookie or partner headers", async () => {
    expect(ids((await viewer.routines.list.query()).routines)).toEqual(await routineIdsOf(seed.acme.id));
    const technicians = [
      await dashboardClient(env, "technician@acme.example"),
      trpcClient(env, await env.credentialsFor("technician@acme.example")),
    ];
    for (const technician of technicians) {
      await expectTrpcError(technician.routines.list.query(), "FORBIDDEN", 403, "FORBIDDEN");
    }
  });
});

describe("routines.update", () => {
  it("changes the provider contact, and clears it with null", async () => {
    const routineId = await routineOf("Résidence Les Tilleuls", "EXT");
    const julie = seed.acme.contactId("Julie Moreau");
    const { data } = await manager.routines.update.mutate({ routineId, assignedCompanyContactId: julie });
    expect(data).toMatchObject({
      id: routineId,
      assignedContact: { id: julie, name: "Julie Moreau", companyName: "Sécurité Incendie Rhône" },
      leadDays: 30,
      active: true,
    });
    expect(await routineRow(routineId)).toMatchObject({ assignedCompanyContactId: julie, updatedAt: TEST_NOW });

    const cleared = await manager.routines.update.mutate({ routineId, assignedCompanyContactId: null });
    expect(cleared.data.assignedContact).toBeNull();
    expect((await routineRow(routineId)).assignedCompanyContactId).toBeNull();
  });

  it("assigns a member, and nobody again with null; the contact stays as it was", async () => {
    const routineId = await routineOf("Résidence Les Tilleuls", "ALARM");
    const before = await routineRow(routineId);
    const profileId = seed.profileId("admin@acme.example", seed.acme.id);
    const { data } = await manager.routines.update.mutate({ routineId, assignedProfileId: profileId });
    expect(data.assignedProfile).toEqual({ id: profileId, name: "Claire Dubois" });
    expect(data.assignedContact?.id).toBe(before.assignedCompanyContactId);
    expect(await routineRow(routineId)).toMatchObject({
      assignedProfileId: profileId,
      assignedCompanyContactId: before.assignedCompanyContactId,
    });
    const cleared = await manager.routines.update.mutate({ routineId, assignedProfileId: null });
    expect(cleared.data.assignedProfile).toBeNull();
    expect((await routineRow(routineId)).assignedProfileId).toBeNull();
  });

  it.each([0, 7, LEAD_DAYS_MAX])("sets the lead time to %d days", async (leadDays) => {
    const routineId = await routineOf("Immeuble Saxe", "EXT");
    const { data } = await manager.routines.update.mutate({ routineId, leadDays });
    expect(data.leadDays).toBe(leadDays);
    expect((await routineRow(routineId)).leadDays).toBe(leadDays);
  });

  it("stops a routine and starts it again; an admin may too", async () => {
    const routineId = await routineOf("Immeuble Saxe", "ALARM");
    expect((await manager.routines.update.mutate({ routineId, active: false })).data.active).toBe(false);
    expect((await routineRow(routineId)).active).toBe(false);
    const admin = await dashboardClient(env, "admin@acme.example");
    expect((await admin.routines.update.mutate({ routineId, active: true })).data.active).toBe(true);
    expect((await routineRow(routineId)).active).toBe(true);
  });

  it("an update naming no field changes nothing and answers the routine", async () => {
    const routineId = await routineOf("Immeuble Saxe", "EMLIGHT");
    const before = await routineRow(routineId);
    env.setNow(new Date(TEST_NOW.getTime() + 60_000));
    try {
      const { data } = await manager.routines.update.mutate({ routineId });
      expect(data.id).toBe(routineId);
      expect(await routineRow(routineId)).toEqual(before);
    } finally {
      env.setNow(TEST_NOW);
    }
  });

  it("a routine of another organization, or none, is not found, and nothing is written", async () => {
    const [lyceeRoutine] = await routineIdsOf(seed.lycee.id);
    if (lyceeRoutine === undefined) throw new Error("no Lycée routine");
    const before = await routineRow(lyceeRoutine);
    for (const routineId of [lyceeRoutine, UNKNOWN_ID]) {
      await expectTrpcError(
        manager.routines.update.mutate({ routineId, leadDays: 3, active: false }),
        "NOT_FOUND",
        404,
        "NOT_FOUND",
      );
    }
    expect(await routineRow(lyceeRoutine)).toEqual(before);
  });

  it("another organization's contact or member, or none, is refused naming the field, and nothing is written", async () => {
    const routineId = await routineOf("Parking Part-Dieu", "EXT");
    const before = await routineRow(routineId);
    const lyceeContact = seed.lycee.contacts[0]?.id ?? 0;
    const lyceeProfile = seed.profileId("manager@lycee-hugo.example", seed.lycee.id);
    const cases = [
      { field: "assignedCompanyContactId", value: lyceeContact },
      { field: "assignedCompanyContactId", value: UNKNOWN_ID },
      { field: "assignedProfileId", value: lyceeProfile },
      { field: "assignedProfileId", value: UNKNOWN_ID },
    ];
    for (const { field, value } of cases) {
      const data = await expectTrpcError(
        manager.routines.update.mutate({ routineId, leadDays: 1, active: false, [field]: value }),
        "BAD_REQUEST",
        400,
        "VALIDATION_FAILED",
      );
      expect(data.issues.map((issue) => issue.path)).toEqual([field]);
    }
    expect(await routineRow(routineId)).toEqual(before);
  });

  it.each([-1, LEAD_DAYS_MAX + 1, 2.5])("a lead time of %d days → 400 naming leadDays", async (leadDays) => {
    const routineId = await routineOf("Parking Part-Dieu", "EXT");
    const data = await expectTrpcError(
      manager.routines.update.mutate({ routineId, leadDays }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    expect(data.issues.map((issue) => issue.path)).toEqual(["leadDays"]);
    expect((await routineRow(routineId)).leadDays).toBe(30);
  });

  it("a viewer and a technician may not change a routine (403, before the input is read)", async () => {
    const routineId = await routineOf("Parking Part-Dieu", "ALARM");
    const before = await routineRow(routineId);
    const technician = await dashboardClient(env, "technician@acme.example");
    for (const client of [viewer, technician]) {
      await expectTrpcError(client.routines.update.mutate({ routineId, leadDays: 10 }), "FORBIDDEN", 403, "FORBIDDEN");
      await expectTrpcError(
        client.routines.update.mutate({ routineId, leadDays: LEAD_DAYS_MAX + 1 }),
        "FORBIDDEN",
        403,
        "FORBIDDEN",
      );
    }
    expect(await routineRow(routineId)).toEqual(before);
  });
});
