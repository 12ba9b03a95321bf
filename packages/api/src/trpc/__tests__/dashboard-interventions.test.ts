import { interventionSites, interventions } from "@interventions/db";
import { enumValues, InterventionStatus, InterventionType, isOverdue } from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  browserSignIn,
  checkSiteRule,
  cookieClient,
  createApiTestEnv,
  type DashboardClient,
  expectNoLeak,
  expectTrpcError,
  jsonRequest,
  loadSeed,
  PATHS,
  type SeedFixture,
  sessionCookie,
  TEST_NOW,
  type TrpcExchange,
} from "../../testing";

// interventions.countByStatus (the list's tabs), interventions.planning (a period of the calendar) and the
// signature link of interventions.get, over a cookie session.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: DashboardClient;
let lycee: DashboardClient;
const log: TrpcExchange[] = [];

const DAY = 86_400_000;
const S = InterventionStatus;
const T = InterventionType;
const at = (days: number) => new Date(TEST_NOW.getTime() + days * DAY);

async function clientFor(email: string, organizationId?: number, now: Date = TEST_NOW) {
  const { token } = await browserSignIn(env, email, now);
  return cookieClient(env, sessionCookie(token, organizationId), {}, log);
}

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await clientFor("manager@acme.example");
  lycee = await clientFor("consultant@safety.example", seed.lycee.id);
});
afterEach(() => {
  env.setNow(TEST_NOW);
});
afterAll(async () => {
  // Error answers only: demo data legitimately reads like "missing at the … 08:00:00".
  for (const exchange of log) if (exchange.status >= 400) expectNoLeak(exchange.body);
  await env.close();
});

type Filters = Parameters<DashboardClient["interventions"]["countByStatus"]["query"]>[0];
const byStatus = (rows: { status: InterventionStatus; count: number }[]) =>
  [...rows].sort((a, b) => a.status - b.status);

/** The counts per status worked out by reading every page of interventions.list with the same filters. */
async function countedFromList(client: DashboardClient, filters: Filters) {
  const counts = new Map<InterventionStatus, number>();
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard += 1) {
    const page = await client.interventions.list.query({ ...filters, limit: 7, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
    if (page.nextCursor === null) return byStatus([...counts].map(([status, count]) => ({ status, count })));
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("interventions.countByStatus", () => {
  it("the seed: three interventions in each of the seven statuses", async () => {
    expect(byStatus(await manager.interventions.countByStatus.query({}))).toEqual(
      enumValues(InterventionStatus).map((status) => ({ status, count: 3 })),
    );
  });

  it("equals counting the list's pages, for each filter and combination", async () => {
    const contact = seed.acme.contactId("Karim Benali");
    const filters: Filters[] = [
      {},
      ...enumValues(InterventionType).map((type) => ({ type })),
      ...seed.acme.siteIds.map((siteId) => ({ siteId })),
      { siteId: seed.acme.siteId("Résidence Les Tilleuls"), type: T.trainingExercise },
      { from: at(-10).toISOString() },
      { to: at(5).toISOString() },
      { from: at(-30).toISOString(), to: at(7).toISOString() },
      { assignedCompanyContactId: contact },
      { assignedProfileId: seed.profileId("manager@acme.example", seed.acme.id) },
    ];
    for (const input of filters) {
      const counts = byStatus(await manager.interventions.countByStatus.query(input));
      expect(counts, JSON.stringify(input)).toEqual(await countedFromList(manager, input));
    }
  });

  it("the site, type and date filters narrow the counts", async () => {
    const total = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);
    const all = total(await manager.interventions.countByStatus.query({}));
    expect(total(await manager.interventions.countByStatus.query({ type: T.curative }))).toBe(7);
    const siteId = seed.acme.siteId("Immeuble Saxe");
    const site = total(await manager.interventions.countByStatus.query({ siteId }));
    expect(site).toBeGreaterThan(0);
    expect(site).toBeLessThan(all);
    const past = await manager.interventions.countByStatus.query({ to: TEST_NOW.toISOString() });
    // Only the done and decided work of the seed starts before now.
    expect(byStatus(past).map((row) => row.status)).toEqual([S.awaitingVerification, S.accepted, S.rejected]);
  });

  it("ignores a status filter: every tab keeps its count", async () => {
    const all = byStatus(await manager.interventions.countByStatus.query({}));
    for (const status of [S.toSchedule, S.awaitingVerification, S.cancelled]) {
      expect(byStatus(await manager.interventions.countByStatus.query({ status }))).toEqual(all);
    }
    const preventive = byStatus(await manager.interventions.countByStatus.query({ type: T.preventive }));
    const scheduledPreventive = { type: T.preventive, status: S.scheduled };
    expect(byStatus(await manager.interventions.countByStatus.query(scheduledPreventive))).toEqual(preventive);
  });

  it("nothing of another organization: its site or contact counts nothing, its own counts differ", async () => {
    const foreignSite = seed.lycee.siteId("Bâtiment A — Enseignement");
    const foreignContact = seed.lycee.contactId("Lucas Petit");
    expect(await manager.interventions.countByStatus.query({ siteId: foreignSite })).toEqual([]);
    expect(await manager.interventions.countByStatus.query({ assignedCompanyContactId: foreignContact })).toEqual([]);
    expect(byStatus(await lycee.interventions.countByStatus.query({}))).toEqual(await countedFromList(lycee, {}));
    const acmeSite = seed.acme.siteId("Résidence Les Tilleuls");
    expect(await lycee.interventions.countByStatus.query({ siteId: acmeSite })).toEqual([]);
  });

  it("to before from → BAD_REQUEST naming to", async () => {
    const data = await expectTrpcError(
      manager.interventions.countByStatus.query({ from: at(1).toISOString(), to: at(0).toISOString() }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    expect(data.issues.map((issue) => issue.path)).toEqual(["to"]);
  });
});

describe("interventions.planning", () => {
  /** The organization's interventions starting in [from, to), not cancelled, from the table. */
  async function rowsInRange(organizationId: number, from: Date, to: Date) {
    const rows = await env.database.db
      .select()
      .from(interventions)
      .where(and(eq(interventions.organizationId, organizationId), isNull(interventions.deletedAt)));
    return rows
      .filter((row) => row.scheduledStart >= from && row.scheduledStart < to)
      .sort((a, b) => a.scheduledStart.getTime() - b.scheduledStart.getTime() || a.id - b.id);
  }

  const from = at(-10);
  const to = at(30);
  const range = { from: from.toISOString(), to: to.toISOString() };

  it("the period's interventions, cancelled left out, in start order, as Dates", async () => {
    const { items, truncated } = await manager.interventions.planning.query(range);
    const expected = (await rowsInRange(seed.acme.id, from, to)).filter((row) => row.status !== S.cancelled);
    const cancelled = (await rowsInRange(seed.acme.id, from, to)).filter((row) => row.status === S.cancelled);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThan(0);
    expect(truncated).toBe(false);
    expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
    for (const item of items) {
      expect(item.scheduledStart).toBeInstanceOf(Date);
      expect(item.scheduledStart >= from && item.scheduledStart < to).toBe(true);
      expect(item.status).not.toBe(S.cancelled);
    }
  });

  it("from is inclusive and to exclusive", async () => {
    const all = (await rowsInRange(seed.acme.id, at(-5), at(35))).filter((row) => row.status !== S.cancelled);
    const first = all[1];
    const last = all[all.length - 2];
    if (!first || !last) throw new Error("seed too small");
    const expected = all.filter(
      (row) => row.scheduledStart >= first.scheduledStart && row.scheduledStart < last.scheduledStart,
    );
    const { items } = await manager.interventions.planning.query({
      from: first.scheduledStart.toISOString(),
      to: last.scheduledStart.toISOString(),
    });
    expect(items.map((item) => item.id)).toContain(first.id);
    expect(items.map((item) => item.id)).not.toContain(last.id);
    expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
  });

  it("lists each intervention's sites", async () => {
    const { items } = await manager.interventions.planning.query(range);
    const links = await env.database.db.select().from(interventionSites);
    for (const item of items) {
      const expected = links.filter((link) => link.interventionId === item.id).map((link) => link.siteId);
      expect(expected.length).toBeGreaterThan(0);
      expect([...item.siteIds].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    }
    expect(items.some((item) => item.siteIds.length > 1)).toBe(true);
  });

  it("marks open work past its end as overdue, by the request's clock", async () => {
    const now = await manager.interventions.planning.query(range);
    for (const item of now.items) expect(item.overdue).toBe(isOverdue(item.status, item.scheduledEnd, TEST_NOW));
    const later = at(15);
    env.setNow(later);
    const client = await clientFor("manager@acme.example", undefined, later);
    const then = await client.interventions.planning.query(range);
    expect(then.items.map((item) => item.id)).toEqual(now.items.map((item) => item.id));
    for (const item of then.items) expect(item.overdue).toBe(isOverdue(item.status, item.scheduledEnd, later));
    const flipped = then.items.filter((item) => item.overdue && !now.items.find((old) => old.id === item.id)?.overdue);
    expect(flipped.length).toBeGreaterThan(0);
    const open: InterventionStatus[] = [S.toSchedule, S.scheduled, S.inProgress];
    expect(then.items.filter((item) => item.overdue).every((item) => open.includes(item.status))).toBe(true);
  });

  it("the site and type filters narrow the period", async () => {
    const siteId = seed.acme.siteId("Résidence Les Tilleuls");
    const all = await manager.interventions.planning.query(range);
    const bySite = await manager.interventions.planning.query({ ...range, siteId });
    expect(bySite.items.map((i) => i.id)).toEqual(all.items.filter((i) => i.siteIds.includes(siteId)).map((i) => i.id));
    const drills = await manager.interventions.planning.query({ ...range, type: T.trainingExercise });
    expect(drills.items.length).toBeGreaterThan(0);
    expect(drills.items.map((i) => i.id)).toEqual(
      all.items.filter((i) => i.type === T.trainingExercise).map((i) => i.id),
    );
  });

  it("nothing of another organization", async () => {
    const foreign = new Set((await rowsInRange(seed.lycee.id, from, to)).map((row) => row.id));
    expect(foreign.size).toBeGreaterThan(0);
    const { items } = await manager.interventions.planning.query(range);
    expect(items.some((item) => foreign.has(item.id))).toBe(false);
    const theirs = await lycee.interventions.planning.query(range);
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.every((item) => foreign.has(item.id))).toBe(true);
    const foreignSite = seed.lycee.siteId("Bâtiment A — Enseignement");
    expect((await manager.interventions.planning.query({ ...range, siteId: foreignSite })).items).toEqual([]);
  });

  it("42 days (and the hour a clock change adds) are allowed; more, or to before from → BAD_REQUEST naming to", async () => {
    const start = at(-21);
    const fortyTwo = new Date(start.getTime() + 42 * DAY + 2 * 3_600_000);
    const ok = await manager.interventions.planning.query({ from: start.toISOString(), to: fortyTwo.toISOString() });
    expect(ok.items.length).toBeGreaterThan(0);
    for (const bad of [
      { from: start.toISOString(), to: new Date(fortyTwo.getTime() + 1).toISOString() },
      { from: start.toISOString(), to: at(-60).toISOString() },
      { from: at(-200).toISOString(), to: at(200).toISOString() },
    ]) {
      const data = await expectTrpcError(
        manager.interventions.planning.query(bad),
        "BAD_REQUEST",
        400,
        "VALIDATION_FAILED",
      );
      expect(data.issues.map((issue) => issue.path)).toEqual(["to"]);
    }
  });
});

describe("interventions.get signatureUrl", () => {
  it("null for a seeded intervention, which has no uploaded signature", async () => {
    const [row] = await env.database.db
      .select()
      .from(interventions)
      .where(and(eq(interventions.organizationId, seed.acme.id), eq(interventions.status, S.awaitingVerification)));
    if (!row) throw new Error("no seeded intervention awaiting verification");
    const detail = await manager.interventions.get.query({ interventionId: row.id });
    expect(detail.intervention.id).toBe(row.id);
    expect(detail.signatureUrl).toBeNull();
  });

  it("a short-lived http link to the uploaded image after an unplanned check, for its organization only", async () => {
    const pair = checkSiteRule(seed.acme);
    const response = await env.rest(
      jsonRequest("POST", PATHS.unplanned, await env.credentialsFor("technician@acme.example"), {
        companyId: seed.acme.technicianCompanyId,
        siteIds: [pair.siteId],
        ruleIds: [pair.ruleId],
        signature: { name: "signature.jpg", mimeType: "image/jpeg", size: 64 },
        provider: { firstName: "Karim", lastName: "Benali", email: "karim@example.fr" },
      }),
    );
    const created = await response.json();
    expect(response.status, JSON.stringify(created)).toBe(201);
    const id = created.data.id as number;
    const image = Uint8Array.from({ length: 64 }, (_, index) => index);
    const upload = await fetch(created.presignedUrl as string, {
      method: "PUT",
      headers: { "content-type": "image/jpeg" },
      body: image,
    });
    expect(upload.status).toBe(200);

    const { signatureUrl } = await manager.interventions.get.query({ interventionId: id });
    if (signatureUrl === null) throw new Error("expected a signature link");
    const url = new URL(signatureUrl);
    expect(url.protocol).toBe("http:");
    expect(decodeURIComponent(url.pathname)).toBe(`/signatures/${created.data.imgSignature}`);
    expect(url.pathname).toContain(`/organizations/${seed.acme.id}/interventions/${id}/`);
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    const download = await fetch(signatureUrl);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(image);

    await expectTrpcError(lycee.interventions.get.query({ interventionId: id }), "NOT_FOUND", 404, "NOT_FOUND");
  });
});
