import { interventionSites, interventions } from "@interventions/db";
import { InterventionStatus, InterventionType, interventionUserShapedSchema } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYNC_SETTLE_MS } from "../../services/interventions/sync-interventions";
import {
  type ApiTestEnv,
  createApiTestEnv,
  expectProblem,
  expectValidation,
  freshIntervention,
  jsonRequest,
  loadSeed,
  PATHS,
  type SeedFixture,
  TEST_NOW,
  trpcClient,
} from "../../testing";

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;
let technician: Record<string, string>;
let viewer: Record<string, string>;
let lyceeManager: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  technician = await env.credentialsFor("technician@acme.example");
  viewer = await env.credentialsFor("viewer@acme.example");
  lyceeManager = await env.credentialsFor("manager@lycee-hugo.example");
});
afterAll(async () => {
  await env.close();
});

const SYNC = "/interventions/v2/rs";
const read = (id: number | string, headers = manager) => env.rest(jsonRequest("GET", `${SYNC}/${id}`, headers));
const sync = (query: Record<string, string | number>, headers = manager) =>
  env.rest(
    jsonRequest(
      "GET",
      `${SYNC}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
      headers,
    ),
  );
const scheduledPreventive = { type: InterventionType.preventive, status: InterventionStatus.scheduled };

/** Each test syncs from a later hour than the writes before it (within the sessions' 12 hours). */
const hoursAfterSeed = (hours: number) => new Date(TEST_NOW.getTime() + hours * 3_600_000);

interface SyncedRow {
  id: number;
  updatedAt: string;
  description: string | null;
}

/** Re-plans a preventive through 002 at the given instant: its description changes, its `updatedAt` is then. */
async function describeAt(id: number, description: string, at: Date) {
  env.setNow(at);
  const response = await env.rest(jsonRequest("PATCH", PATHS.preventive(id), manager, { description }));
  expect(response.status).toBe(200);
}

describe("GET /interventions/v2/rs/{interventionId}", () => {
  it("answers the intervention in the documented user shape, as the write that made it answered", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    env.setNow(TEST_NOW);
    const answered = await (
      await env.rest(jsonRequest("PATCH", PATHS.preventive(id), manager, { description: "Read back" }))
    ).json();
    const response = await read(id);
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(interventionUserShapedSchema.parse(data)).toEqual(data);
    expect(data).toMatchObject({ description: "Read back", updatedAt: answered.data.updatedAt });
    expect(data).toMatchObject({ id, type: InterventionType.preventive, status: InterventionStatus.scheduled });
    expect(data.codePin).toEqual(expect.any(Number));
  });

  it("is 404 for another organization's intervention and for a deleted one, like one that does not exist", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    await expectProblem(await read(id, lyceeManager), 404, "NOT_FOUND");
    await expectProblem(await read(9_999_999), 404, "NOT_FOUND");
    await env.database.db.update(interventions).set({ deletedAt: TEST_NOW }).where(eq(interventions.id, id));
    await expectProblem(await read(id), 404, "NOT_FOUND");
  });

  it("shows a provider's technician only their company's work, and the code PIN to no viewer", async () => {
    const theirs = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    await env.database.db
      .update(interventions)
      .set({ companyId: seed.acme.technicianCompanyId })
      .where(eq(interventions.id, theirs));
    const other = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    await env.database.db
      .update(interventions)
      .set({ companyId: seed.acme.otherCompanyId, assignedCompanyContactId: null, assignedProfileId: null })
      .where(eq(interventions.id, other));
    expect((await read(theirs, technician)).status).toBe(200);
    await expectProblem(await read(other, technician), 404, "NOT_FOUND");
    const seen = await (await read(theirs, viewer)).json();
    expect(seen.data.codePin).toBeNull();
  });

  it("refuses a malformed id and any query parameter (400)", async () => {
    await expectValidation(await read("abc"), "interventionId");
    await expectValidation(await env.rest(jsonRequest("GET", `${SYNC}/1?expand=sites`, manager)), "expand");
  });
});

describe("GET /interventions/v2/rs", () => {
  it("lists what changed since a date, in the order of the changes, a change only once it settled", async () => {
    const since = hoursAfterSeed(1);
    const [first, second] = [
      await freshIntervention(env.database.db, seed.acme, scheduledPreventive),
      await freshIntervention(env.database.db, seed.acme, scheduledPreventive),
    ] as [number, number];
    await describeAt(second, "changed first", since);
    await describeAt(first, "changed second", new Date(since.getTime() + 1_000));

    // A change is listed once settled: until then a write still committing could come before it.
    env.setNow(new Date(since.getTime() + SYNC_SETTLE_MS + 1));
    const early = await (await sync({ updatedSince: since.toISOString() })).json();
    expect(early.data.map((row: SyncedRow) => row.id)).toEqual([second]);

    env.setNow(new Date(since.getTime() + 1_000 + SYNC_SETTLE_MS + 1));
    const settled = await (await sync({ updatedSince: since.toISOString() })).json();
    expect(settled.data.map((row: SyncedRow) => row.id)).toEqual([second, first]);
    expect(settled.nextCursor).toBeNull();
    for (const row of settled.data) expect(interventionUserShapedSchema.parse(row)).toEqual(row);
  });

  it("filters by type, status, site, assigned user and contact, within the technician's scope", async () => {
    const since = hoursAfterSeed(2);
    const id = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    await describeAt(id, "to be filtered", since);
    const [row] = await env.database.db.select().from(interventions).where(eq(interventions.id, id));
    env.setNow(new Date(since.getTime() + SYNC_SETTLE_MS + 1));
    const ids = async (query: Record<string, string | number>, headers = manager) => {
      const response = await sync({ updatedSince: since.toISOString(), ...query }, headers);
      expect(response.status).toBe(200);
      return (await response.json()).data.map((synced: SyncedRow) => synced.id);
    };
    expect(await ids({ type: InterventionType.preventive })).toEqual([id]);
    expect(await ids({ type: InterventionType.curative })).toEqual([]);
    expect(await ids({ status: InterventionStatus.scheduled })).toEqual([id]);
    expect(await ids({ status: InterventionStatus.accepted })).toEqual([]);
    const [link] = await env.database.db
      .select()
      .from(interventionSites)
      .where(eq(interventionSites.interventionId, id));
    const elsewhere = seed.acme.siteIds.find((siteId) => siteId !== link?.siteId) as number;
    expect(await ids({ siteId: link?.siteId as number })).toEqual([id]);
    expect(await ids({ siteId: elsewhere })).toEqual([]);
    if (row?.assignedCompanyContactId) {
      expect(await ids({ assignedCompanyContactId: row.assignedCompanyContactId })).toEqual([id]);
    }
    expect(await ids({ assignedCompanyContactId: 9_999_999 })).toEqual([]);
    expect(await ids({ assignedUserId: 9_999_999 })).toEqual([]);
    // The technician sees it only when their company has it.
    await env.database.db
      .update(interventions)
      .set({ companyId: seed.acme.otherCompanyId, assignedCompanyContactId: null, assignedProfileId: null })
      .where(eq(interventions.id, id));
    expect(await ids({}, technician)).toEqual([]);
    expect(await ids({}, lyceeManager)).toEqual([]);
  });

  it("refuses unknown and malformed parameters with errors naming them (400)", async () => {
    await expectValidation(await sync({ limit: 0 }), "limit");
    await expectValidation(await sync({ limit: 101 }), "limit");
    await expectValidation(await sync({ limit: "ten" }), "limit");
    await expectValidation(await sync({ type: 9 }), "type");
    await expectValidation(await sync({ status: "late" }), "status");
    await expectValidation(await sync({ updatedSince: "yesterday" }), "updatedSince");
    await expectValidation(await sync({ cursor: "not-a-cursor" }), "cursor");
    await expectValidation(await sync({ siteId: "1.5" }), "siteId");
    await expectValidation(await sync({ since: "2026-01-01T00:00:00Z" }), "since");
  });

  it("pages a sync while rows change: each change is seen, no row twice with the same version", async () => {
    const since = hoursAfterSeed(3);
    const ids: number[] = [];
    for (let index = 0; index < 25; index++) {
      ids.push(await freshIntervention(env.database.db, seed.acme, scheduledPreventive));
    }
    let clock = since.getTime();
    for (const [index, id] of ids.entries()) await describeAt(id, `version 1 of ${index}`, new Date(clock++));

    const seen = new Map<number, Set<string>>();
    const latest = new Map<number, string | null>();
    let cursor: string | undefined;
    let round = 0;
    do {
      // Between pages, another client changes rows already listed and rows still ahead.
      clock += SYNC_SETTLE_MS + 1;
      env.setNow(new Date(clock));
      const page = await (
        await sync({ updatedSince: since.toISOString(), limit: 10, ...(cursor ? { cursor } : {}) })
      ).json();
      for (const row of page.data as SyncedRow[]) {
        const versions = seen.get(row.id) ?? new Set();
        expect(versions.has(row.updatedAt), `row ${row.id} listed twice at ${row.updatedAt}`).toBe(false);
        versions.add(row.updatedAt);
        seen.set(row.id, versions);
        latest.set(row.id, row.description);
      }
      cursor = page.nextCursor ?? undefined;
      if (round < 2) {
        for (const id of [ids[round] as number, ids[20 + round] as number]) {
          await describeAt(id, `version 2 of ${ids.indexOf(id)}`, new Date(clock++));
        }
      }
      round += 1;
    } while (cursor);
    // The changes of the last round settle; the client syncs on from where it stopped.
    env.setNow(new Date(clock + SYNC_SETTLE_MS + 1));
    const rest = await (await sync({ updatedSince: new Date(since).toISOString(), limit: 100 })).json();
    for (const row of rest.data as SyncedRow[]) latest.set(row.id, row.description);

    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    for (const [index, id] of ids.entries()) {
      const changedTwice = index < 2 || (index >= 20 && index < 22);
      expect(latest.get(id)).toBe(`version ${changedTwice ? 2 : 1} of ${index}`);
    }
  });
});

describe("the dashboard's tRPC procedures", () => {
  it("answer what the REST reads answer: one verb behind both", async () => {
    const since = hoursAfterSeed(5);
    const id = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    await describeAt(id, "read both ways", since);
    env.setNow(new Date(since.getTime() + SYNC_SETTLE_MS + 1));
    const client = trpcClient(env, manager);
    const { version, ...answer } = await client.interventions.read.query({ interventionId: id });
    const response = await read(id);
    expect(answer).toEqual(await response.json());
    expect(response.headers.get("etag")).toBe(`"${version}"`);
    expect(await client.interventions.sync.query({ updatedSince: since.toISOString() })).toEqual(
      await (await sync({ updatedSince: since.toISOString() })).json(),
    );
  });
});
