import {
  companies,
  companyContacts,
  interventionSites,
  interventions,
  profiles,
  sites,
  users,
} from "@interventions/db";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  browserSignIn,
  cookieClient,
  createApiTestEnv,
  type DashboardClient,
  expectTrpcError,
  loadSeed,
  must,
  type SeedFixture,
  sessionCookie,
  TEST_NOW,
} from "../../testing";

// The list's search box (`q` of interventions.list and countByStatus): every word somewhere in the number,
// description, site, assignee or provider; checked against the same search worked out here from the tables.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: DashboardClient;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  const { token } = await browserSignIn(env, "manager@acme.example", TEST_NOW);
  manager = cookieClient(env, sessionCookie(token), {});
});
afterAll(async () => {
  await env.close();
});

/** Each live intervention of the organization with every text a search looks in, lower case. */
async function haystacks(organizationId: number): Promise<Map<number, string[]>> {
  const db = env.database.db;
  const rows = await db
    .select({
      id: interventions.id,
      description: interventions.description,
      profile: users,
      contact: companyContacts,
      company: companies.name,
    })
    .from(interventions)
    .leftJoin(profiles, eq(profiles.id, interventions.assignedProfileId))
    .leftJoin(users, eq(users.id, profiles.userId))
    .leftJoin(companyContacts, eq(companyContacts.id, interventions.assignedCompanyContactId))
    .leftJoin(companies, eq(companies.id, interventions.companyId))
    .where(and(eq(interventions.organizationId, organizationId), isNull(interventions.deletedAt)));
  const links = await db
    .select({ id: interventionSites.interventionId, name: sites.name })
    .from(interventionSites)
    .innerJoin(sites, eq(sites.id, interventionSites.siteId))
    .where(eq(interventionSites.organizationId, organizationId));
  const texts = new Map<number, string[]>();
  for (const row of rows) {
    texts.set(row.id, [
      row.description ?? "",
      row.profile ? `${row.profile.firstName} ${row.profile.lastName}` : "",
      row.contact ? `${row.contact.firstName} ${row.contact.lastName}` : "",
      row.company ?? "",
    ]);
  }
  for (const link of links) texts.get(link.id)?.push(link.name);
  return texts;
}

function expected(texts: Map<number, string[]>, q: string): number[] {
  const words = q.trim().split(/\s+/).filter(Boolean);
  return [...texts]
    .filter(([id, haystack]) =>
      words.every(
        (word) =>
          String(id) === word.replace(/^#/, "") ||
          haystack.some((text) => text.toLowerCase().includes(word.toLowerCase())),
      ),
    )
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

async function found(client: DashboardClient, q: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard += 1) {
    const page = await client.interventions.list.query({ q, limit: 10, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((item) => item.id));
    if (!page.nextCursor) return ids.sort((a, b) => a - b);
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("interventions.list with q", () => {
  it("finds by site, assignee, provider company and description, every word having to match", async () => {
    const texts = await haystacks(seed.acme.id);
    // Two words from two places: the last name of a contact and the site of one of their interventions.
    const [, withBoth] = must(
      [...texts].find(([, haystack]) => haystack[2] && haystack[4]),
      "an intervention with a contact and a site",
    );
    const pair = `${withBoth[4]?.split(" ").at(-1)} ${withBoth[2]?.split(" ").at(-1)}`;
    for (const q of ["tilleuls", "Benali", "KARIM BENALI", "eleccontrol", pair, "Lambert", "  tilleuls  "]) {
      const ids = await found(manager, q);
      expect(ids, q).toEqual(expected(texts, q));
      expect(ids.length, `${q} finds something in the demo`).toBeGreaterThan(0);
    }
  });

  it("finds an intervention by its number, with or without #", async () => {
    const texts = await haystacks(seed.acme.id);
    const someId = [...texts.keys()][3] as number;
    expect(await found(manager, `#${someId}`)).toContain(someId);
    expect(await found(manager, String(someId))).toEqual(expected(texts, String(someId)));
  });

  it("takes %, _ and \\ literally and finds nothing for a word nobody wrote", async () => {
    expect(await found(manager, "%")).toEqual([]);
    expect(await found(manager, "_")).toEqual([]);
    expect(await found(manager, "\\")).toEqual([]);
    expect(await found(manager, "zzqxw")).toEqual([]);
  });

  it("never finds another organization's interventions, even by their site, contact or number", async () => {
    const lyceeTexts = await haystacks(seed.lycee.id);
    const lyceeId = [...lyceeTexts.keys()][0] as number;
    for (const q of ["Gymnase", "Protect Feu", "Fontaine", String(lyceeId)]) {
      expect(await found(manager, q), q).toEqual([]);
    }
  });

  it("combines with the other filters, and the tabs count what the search finds", async () => {
    const siteId = seed.acme.siteId("Immeuble Saxe");
    const page = await manager.interventions.list.query({ q: "Benali", siteId, limit: 100 });
    const texts = await haystacks(seed.acme.id);
    const bySite = await found(manager, "Saxe Benali");
    expect(page.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(bySite);
    const counts = await manager.interventions.countByStatus.query({ q: "Benali" });
    expect(counts.reduce((sum, row) => sum + row.count, 0)).toBe(expected(texts, "Benali").length);
  });

  it("a search longer than 200 characters → BAD_REQUEST naming q, and changes nothing", async () => {
    const data = await expectTrpcError(
      manager.interventions.list.query({ q: "a".repeat(201) }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    expect(data.issues.map((issue) => issue.path)).toEqual(["q"]);
  });
});
