import { anomalies, companyContacts, organizations, profiles, rules, siteRules, sites, users } from "@interventions/db";
import { AnomalyStatus, ProfileRole } from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  type ApiTestEnv,
  browserSignIn,
  cookieClient,
  createApiTestEnv,
  type DashboardClient,
  expectNoLeak,
  expectTrpcError,
  LYCEE,
  loadSeed,
  openAnomaly,
  type SeedFixture,
  sessionCookie,
  type TrpcExchange,
} from "../../testing";

// session.me, session.options and sites.list over a cookie session: what they show, and that an
// organization's dashboard never shows a row of another organization.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: DashboardClient;
let consultantInLycee: DashboardClient;
const log: TrpcExchange[] = [];

/** A client signed in as that user, working in that organization. */
async function signedIn(email: string, organizationId?: number) {
  const { token } = await browserSignIn(env, email);
  return cookieClient(env, sessionCookie(token, organizationId), {}, log);
}

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  // A zone of its own, so that the one shown is seen to come from the organization's row.
  await env.database.db
    .update(organizations)
    .set({ timeZone: "Indian/Reunion" })
    .where(eq(organizations.id, seed.lycee.id));
  manager = await signedIn("manager@acme.example");
  consultantInLycee = await signedIn("consultant@safety.example", seed.lycee.id);
});
afterAll(async () => {
  // Error answers only: demo data legitimately reads like "missing at the … 08:00:00".
  for (const exchange of log) if (exchange.status >= 400) expectNoLeak(exchange.body);
  await env.close();
});

const ids = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);

describe("session.me", () => {
  it("a one-organization manager: user, profile, role, organization with its time zone, one membership", async () => {
    const me = await manager.session.me.query();
    expect(me).toEqual({
      user: { firstName: "Marc", lastName: "Lambert", email: "manager@acme.example", locale: "fr" },
      profileId: seed.profileId("manager@acme.example", seed.acme.id),
      role: ProfileRole.manager,
      organization: { id: seed.acme.id, name: "Acme Properties", timeZone: "Europe/Paris" },
      memberships: [
        {
          organizationId: seed.acme.id,
          name: "Acme Properties",
          slug: ACME,
          timeZone: "Europe/Paris",
          role: ProfileRole.manager,
        },
      ],
    });
    expect(JSON.stringify(me)).not.toMatch(/password|scrypt/i);
  });

  it("a two-organization user: the chosen organization, and both memberships by name", async () => {
    const me = await consultantInLycee.session.me.query();
    expect(me.user).toEqual({
      firstName: "Nina",
      lastName: "Perrin",
      email: "consultant@safety.example",
      locale: "en",
    });
    expect(me.profileId).toBe(seed.profileId("consultant@safety.example", seed.lycee.id));
    expect(me.role).toBe(ProfileRole.manager);
    expect(me.organization).toEqual({ id: seed.lycee.id, name: "Lycée Victor Hugo", timeZone: "Indian/Reunion" });
    expect(me.memberships.map((m) => [m.organizationId, m.slug, m.timeZone, m.role])).toEqual([
      [seed.acme.id, ACME, "Europe/Paris", ProfileRole.manager],
      [seed.lycee.id, LYCEE, "Indian/Reunion", ProfileRole.manager],
    ]);
  });

  it.each([
    ["admin@lycee-hugo.example", ProfileRole.admin],
    ["viewer@acme.example", ProfileRole.viewer],
    ["technician@acme.example", ProfileRole.provider],
  ])("%s sees their own role", async (email, role) => {
    const me = await (await signedIn(email)).session.me.query();
    expect(me.role).toBe(role);
    expect(me.user.email).toBe(email);
    expect(me.memberships).toHaveLength(1);
    expect(me.memberships[0]?.role).toBe(role);
  });
});

/** The organization's rows, read straight from the tables, in the shape session.options compares on. */
async function optionRows(organizationId: number) {
  const { db } = env.database;
  return {
    sites: await db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.organizationId, organizationId), isNull(sites.archivedAt))),
    rules: await db.select({ id: rules.id }).from(rules).where(eq(rules.organizationId, organizationId)),
    siteRules: await db
      .select({ id: siteRules.id })
      .from(siteRules)
      .where(eq(siteRules.organizationId, organizationId)),
    contacts: await db
      .select({ id: companyContacts.id })
      .from(companyContacts)
      .where(eq(companyContacts.organizationId, organizationId)),
    profiles: await db
      .select({ id: profiles.id })
      .from(profiles)
      .where(and(eq(profiles.organizationId, organizationId), isNull(profiles.deletedAt))),
  };
}

describe("session.options", () => {
  it("holds exactly the actor's organization's rows, in each list", async () => {
    for (const [client, org, other] of [
      [manager, seed.acme, seed.lycee],
      [consultantInLycee, seed.lycee, seed.acme],
    ] as const) {
      const options = await client.session.options.query();
      const own = await optionRows(org.id);
      const foreign = await optionRows(other.id);
      for (const list of ["sites", "rules", "siteRules", "contacts", "profiles"] as const) {
        expect(own[list].length, list).toBeGreaterThan(0);
        expect(ids(options[list]), list).toEqual(ids(own[list]));
        const foreignIds = new Set(ids(foreign[list]));
        expect(
          options[list].some((row) => foreignIds.has(row.id)),
          list,
        ).toBe(false);
      }
      expect(options.siteRules.every((sr) => org.siteIds.includes(sr.siteId))).toBe(true);
    }
  });

  it("sites by name; profiles name their users; the consultant is a possible assignee in both", async () => {
    const options = await manager.session.options.query();
    const names = options.sites.map((site) => site.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const consultant = seed.userId("consultant@safety.example");
    expect(options.profiles.find((p) => p.userId === consultant)?.id).toBe(
      seed.profileId("consultant@safety.example", seed.acme.id),
    );
    const [marc] = await env.database.db.select().from(users).where(eq(users.email, "manager@acme.example"));
    expect(options.profiles.find((p) => p.userId === marc?.id)).toMatchObject({
      firstName: "Marc",
      lastName: "Lambert",
      role: ProfileRole.manager,
    });
    expect(options.contacts.every((contact) => contact.companyName.length > 0)).toBe(true);
  });
});

describe("sites.list", () => {
  /** Rule and open-anomaly counts per site, counted from the tables. */
  async function expectedCounts(organizationId: number) {
    const { db } = env.database;
    const siteRows = await db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.organizationId, organizationId), isNull(sites.archivedAt)));
    const ruleRows = await db.select({ siteId: siteRules.siteId }).from(siteRules);
    const anomalyRows = await db.select({ siteId: anomalies.siteId, status: anomalies.status }).from(anomalies);
    return siteRows
      .map((site) => ({
        id: site.id,
        ruleCount: ruleRows.filter((row) => row.siteId === site.id).length,
        openAnomalyCount: anomalyRows.filter((row) => row.siteId === site.id && row.status === AnomalyStatus.open)
          .length,
      }))
      .sort((a, b) => a.id - b.id);
  }

  const counted = (rows: { id: number; ruleCount: number; openAnomalyCount: number }[]) =>
    rows
      .map(({ id, ruleCount, openAnomalyCount }) => ({ id, ruleCount, openAnomalyCount }))
      .sort((a, b) => a.id - b.id);

  it("each site of the organization with its rule and open-anomaly counts, by name", async () => {
    const list = await manager.sites.list.query();
    expect(ids(list)).toEqual([...seed.acme.siteIds].sort((a, b) => a - b));
    expect(counted(list)).toEqual(await expectedCounts(seed.acme.id));
    expect(list.some((site) => site.ruleCount > 0 && site.openAnomalyCount > 0)).toBe(true);
    const names = list.map((site) => site.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(list[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      address: expect.any(String),
      postalCode: expect.any(String),
      city: "Lyon",
      ruleCount: expect.any(Number),
      openAnomalyCount: expect.any(Number),
    });
  });

  it("counts follow the data: a new open anomaly is counted once, on its site", async () => {
    const before = counted(await manager.sites.list.query());
    await openAnomaly(env.database.db, seed.acme, 1);
    const after = counted(await manager.sites.list.query());
    const siteId = seed.acme.siteIds[1];
    for (const site of after) {
      const previous = before.find((row) => row.id === site.id);
      expect(site.ruleCount).toBe(previous?.ruleCount);
      expect(site.openAnomalyCount).toBe((previous?.openAnomalyCount ?? 0) + (site.id === siteId ? 1 : 0));
    }
  });

  it("another organization's list: its own sites only", async () => {
    const list = await consultantInLycee.sites.list.query();
    expect(ids(list)).toEqual([...seed.lycee.siteIds].sort((a, b) => a - b));
    expect(counted(list)).toEqual(await expectedCounts(seed.lycee.id));
    expect(list.every((site) => site.city === "Paris")).toBe(true);
  });

  it("an archived site is neither listed nor offered", async () => {
    const [archived] = await env.database.db
      .insert(sites)
      .values({
        organizationId: seed.acme.id,
        name: "AAA Archived building",
        address: "1 rue Close",
        postalCode: "69001",
        city: "Lyon",
        archivedAt: new Date("2026-01-01T00:00:00.000Z"),
      })
      .returning({ id: sites.id });
    expect(archived).toBeDefined();
    expect((await manager.sites.list.query()).map((site) => site.id)).not.toContain(archived?.id);
    expect((await manager.session.options.query()).sites.map((site) => site.id)).not.toContain(archived?.id);
  });

  it("without a session → UNAUTHORIZED", async () => {
    const anonymous = cookieClient(env, "", {}, log);
    await expectTrpcError(anonymous.sites.list.query(), "UNAUTHORIZED", 401, "UNAUTHENTICATED");
    await expectTrpcError(anonymous.session.options.query(), "UNAUTHORIZED", 401, "UNAUTHENTICATED");
  });
});
