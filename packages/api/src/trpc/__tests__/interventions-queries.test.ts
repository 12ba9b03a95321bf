import {
  anomalies,
  companies,
  companyContacts,
  interventionEvents,
  interventionSites,
  siteRules,
} from "@interventions/db";
import {
  AnomalySeverity,
  AnomalyStatus,
  enumValues,
  InterventionStatus,
  InterventionType,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  expectTrpcError,
  findIntervention,
  loadSeed,
  type SeedFixture,
  type TrpcExchange,
  trpcClient,
  untypedTrpcClient,
} from "../../testing";

// interventions.list (filters, keyset pagination) and interventions.get (links, history), over HTTP with
// the partner headers, through @trpc/client and superjson.

let env: ApiTestEnv;
let seed: SeedFixture;
let client: ReturnType<typeof trpcClient>;
/** The same client without the router's types, for inputs that do not type-check. */
let untyped: ReturnType<typeof untypedTrpcClient>;
let all: {
  id: number;
  scheduledStart: Date;
  type: InterventionType;
  status: InterventionStatus;
  organizationId: number;
}[];
const log: TrpcExchange[] = [];
const T = InterventionType;
const S = InterventionStatus;
/** An intervention id no row has. */
const UNKNOWN_ID = 424_242;

const byStartThenId = (a: { scheduledStart: Date; id: number }, b: { scheduledStart: Date; id: number }) =>
  a.scheduledStart.getTime() - b.scheduledStart.getTime() || a.id - b.id;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  const manager = await env.credentialsFor("manager@acme.example");
  client = trpcClient(env, manager, log);
  untyped = untypedTrpcClient(env, manager, log);
  all = (await client.interventions.list.query({ limit: 100 })).items;
});
afterAll(async () => {
  await env.close();
});

/** Every page of a query, following nextCursor; fails if it does not end. */
async function allPages(input: Parameters<typeof client.interventions.list.query>[0]) {
  const pages: number[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await client.interventions.list.query({ ...input, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((item) => item.id));
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("interventions.list", () => {
  it("lists the organization's interventions only, in scheduled order, as Dates", async () => {
    expect(all).toHaveLength(21);
    expect(all.every((item) => item.organizationId === seed.acme.id)).toBe(true);
    expect(all.every((item) => item.scheduledStart instanceof Date)).toBe(true);
    expect(all.map((item) => item.id)).toEqual([...all].sort(byStartThenId).map((item) => item.id));
    expect(log.at(-1)?.status).toBe(200);
  });

  it.each(enumValues(InterventionType))("type %i", async (type) => {
    const { items } = await client.interventions.list.query({ type });
    expect(items.map((item) => item.id)).toEqual(all.filter((item) => item.type === type).map((item) => item.id));
    expect(items).toHaveLength(7);
  });

  it.each(enumValues(InterventionStatus))("status %i", async (status) => {
    const { items } = await client.interventions.list.query({ status });
    expect(items.map((item) => item.id)).toEqual(all.filter((item) => item.status === status).map((item) => item.id));
    expect(items).toHaveLength(3);
  });

  it("type and status together", async () => {
    const { items } = await client.interventions.list.query({ type: T.curative, status: S.awaitingVerification });
    expect(items.map((item) => [item.type, item.status])).toEqual([[T.curative, S.awaitingVerification]]);
  });

  it("siteId: the interventions linked to that site", async () => {
    for (const siteId of seed.acme.siteIds) {
      const links = await env.database.db
        .select({ id: interventionSites.interventionId })
        .from(interventionSites)
        .where(eq(interventionSites.siteId, siteId));
      const linked = new Set(links.map((link) => link.id));
      const { items } = await client.interventions.list.query({ siteId, limit: 100 });
      expect(items.length).toBeGreaterThan(0);
      expect(items.map((item) => item.id)).toEqual(all.filter((item) => linked.has(item.id)).map((item) => item.id));
    }
  });

  it("siteId: pages in both orders, within dates, cover the site's interventions once", async () => {
    const siteId = seed.acme.siteId("Résidence Les Tilleuls");
    const links = await env.database.db
      .select({ id: interventionSites.interventionId })
      .from(interventionSites)
      .where(eq(interventionSites.siteId, siteId));
    const linked = all.filter((item) => links.some((link) => link.id === item.id));
    expect(linked.length).toBeGreaterThan(2);
    expect((await allPages({ siteId, limit: 2 })).flat()).toEqual(linked.map((item) => item.id));
    expect((await allPages({ siteId, limit: 2, order: "desc" })).flat()).toEqual(
      linked.map((item) => item.id).reverse(),
    );
    const from = linked[1]?.scheduledStart ?? new Date();
    const within = linked.filter((item) => item.scheduledStart >= from);
    expect((await allPages({ siteId, limit: 1, from: from.toISOString() })).flat()).toEqual(
      within.map((item) => item.id),
    );
  });

  it("another organization's site finds nothing", async () => {
    expect((await client.interventions.list.query({ siteId: seed.lycee.siteIds[0] })).items).toEqual([]);
  });

  it("from (inclusive) and to (exclusive) bound the scheduled start", async () => {
    const from = all[3]?.scheduledStart ?? new Date();
    const to = all[15]?.scheduledStart ?? new Date();
    const within = (item: { scheduledStart: Date }) => item.scheduledStart >= from && item.scheduledStart < to;
    const expected = all.filter(within).map((item) => item.id);
    expect(expected.length).toBeGreaterThan(0);
    const { items } = await client.interventions.list.query({ from: from.toISOString(), to: to.toISOString() });
    expect(items.map((item) => item.id)).toEqual(expected);
    const onlyFrom = await client.interventions.list.query({ from: from.toISOString(), limit: 100 });
    expect(onlyFrom.items.map((item) => item.id)).toEqual(all.filter((i) => i.scheduledStart >= from).map((i) => i.id));
    const onlyTo = await client.interventions.list.query({ to: to.toISOString(), limit: 100 });
    expect(onlyTo.items.map((item) => item.id)).toEqual(all.filter((i) => i.scheduledStart < to).map((i) => i.id));
  });

  it("to before from → BAD_REQUEST naming to", async () => {
    const data = await expectTrpcError(
      client.interventions.list.query({ from: "2026-12-02T00:00Z", to: "2026-12-01T00:00Z" }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    expect(data.issues.map((issue) => issue.path)).toEqual(["to"]);
  });

  it.each([1, 2, 4, 5, 20, 21])("pages of %i do not overlap and cover everything in order", async (limit) => {
    const pages = await allPages({ limit });
    expect(pages.every((page) => page.length <= limit && page.length > 0)).toBe(true);
    expect(pages.flat()).toEqual(all.map((item) => item.id));
    expect(new Set(pages.flat()).size).toBe(all.length);
    expect(pages).toHaveLength(Math.ceil(all.length / limit));
  });

  it("descending pages cover everything in reverse order", async () => {
    const pages = await allPages({ limit: 4, order: "desc" });
    expect(pages.flat()).toEqual(all.map((item) => item.id).reverse());
  });

  it("pages of a filtered list cover the filtered set", async () => {
    const pages = await allPages({ type: T.preventive, limit: 3 });
    expect(pages.flat()).toEqual(all.filter((item) => item.type === T.preventive).map((item) => item.id));
  });

  it.each([
    ["a cursor that is not ours", { cursor: "not-a-cursor" }, "cursor"],
    ["limit 0", { limit: 0 }, "limit"],
    ["limit 101", { limit: 101 }, "limit"],
    ["an unknown status", { status: 9 }, "status"],
    ["a date with an offset", { from: "2026-12-01T00:00:00+01:00" }, "from"],
  ])("%s → BAD_REQUEST with VALIDATION_FAILED naming the field", async (_label, input, path) => {
    // Not every one of these type-checks (an unknown status): sent as a client in another language would.
    const data = await expectTrpcError(
      untyped.query("interventions.list", input),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    expect(data.issues.map((issue) => issue.path)).toEqual([path]);
    expect(log.at(-1)?.status).toBe(400);
  });

  it("an unknown filter → BAD_REQUEST with an Unknown field issue", async () => {
    const data = await expectTrpcError(
      // @ts-expect-error a filter the procedure does not take, on purpose
      client.interventions.list.query({ organizationId: seed.lycee.id }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    expect(data.issues).toEqual([{ path: "organizationId", message: "Unknown field" }]);
  });

  it("a viewer may read the whole list, a technician their company's work and their own (technician-scope.test.ts)", async () => {
    const viewer = trpcClient(env, await env.credentialsFor("viewer@acme.example"));
    expect((await viewer.interventions.list.query({ limit: 100 })).items).toHaveLength(21);
    const technician = trpcClient(env, await env.credentialsFor("technician@acme.example"));
    const theirs = (await technician.interventions.list.query({ limit: 100 })).items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(21);
  });
});

describe("interventions.get", () => {
  it("a preventive with its site, site rules, company, contact and history", async () => {
    const target = await findIntervention(env.database.db, seed.acme, { type: T.preventive, status: S.scheduled });
    const detail = await client.interventions.get.query({ interventionId: target.id });
    expect(detail.intervention).toMatchObject({
      id: target.id,
      type: T.preventive,
      status: S.scheduled,
      organizationId: seed.acme.id,
    });
    expect(detail.sites).toHaveLength(1);
    expect(detail.siteRules.length).toBeGreaterThan(0);
    expect(detail.siteRules.every((rule) => rule.siteId === detail.sites[0]?.id && rule.ruleCode !== "EVAC")).toBe(
      true,
    );
    expect(detail.anomalies).toEqual([]);
    expect(detail.company?.id).toBe(target.companyId);
    expect(detail.assignedContact?.id).toBe(target.assignedCompanyContactId);
    expect(detail.history.map((event) => event.action)).toEqual(["created", "updated"]);
    expect(detail.history[0]?.actorName).toBe("Marc Lambert");
  });

  it("names what each change of the history points to, in the organization only; a gone id is not named", async () => {
    const db = env.database.db;
    const target = await findIntervention(db, seed.acme, { type: T.preventive, status: S.toSchedule });
    const [company] = await db.select().from(companies).where(eq(companies.organizationId, seed.acme.id)).limit(1);
    const [contact] = await db
      .select()
      .from(companyContacts)
      .where(eq(companyContacts.organizationId, seed.acme.id))
      .limit(1);
    const [foreignRule] = await db.select().from(siteRules).where(eq(siteRules.organizationId, seed.lycee.id)).limit(1);
    const [ownRule] = await db.select().from(siteRules).where(eq(siteRules.organizationId, seed.acme.id)).limit(1);
    if (!company || !contact || !foreignRule || !ownRule) throw new Error("seed without companies or site rules");
    await db.insert(interventionEvents).values({
      organizationId: seed.acme.id,
      interventionId: target.id,
      action: "updated",
      changes: {
        companyId: { from: null, to: company.id },
        assignedCompanyContactId: { from: UNKNOWN_ID, to: contact.id },
        siteRuleIds: { from: [foreignRule.id], to: [foreignRule.id, ownRule.id] },
      },
    });
    const { historyNames } = await client.interventions.get.query({ interventionId: target.id });
    expect(historyNames.company[String(company.id)]).toBe(company.name);
    expect(historyNames.contact[String(contact.id)]).toBe(`${contact.firstName} ${contact.lastName}`);
    expect(historyNames.contact[String(UNKNOWN_ID)]).toBeUndefined();
    expect(historyNames.siteRule[String(ownRule.id)]).toEqual(expect.any(String));
    expect(historyNames.siteRule[String(foreignRule.id)]).toBeUndefined();
  });

  it("a check's open anomalies, what a rejection's repair starts from", async () => {
    const db = env.database.db;
    const check = await findIntervention(db, seed.acme, { type: T.preventive, status: S.rejected });
    const [site] = await db.select().from(interventionSites).where(eq(interventionSites.interventionId, check.id));
    if (!site) throw new Error("a check without a site");
    const found = (status: AnomalyStatus) => ({
      organizationId: seed.acme.id,
      siteId: site.siteId,
      foundInInterventionId: check.id,
      description: `Found by the check (${status})`,
      severity: AnomalySeverity.major,
      status,
      detectedAt: new Date(),
    });
    const [open] = await db
      .insert(anomalies)
      .values([found(AnomalyStatus.open), found(AnomalyStatus.closed)])
      .returning({ id: anomalies.id });
    const detail = await client.interventions.get.query({ interventionId: check.id });
    expect(detail.foundAnomalies.map((anomaly) => anomaly.id)).toEqual([open?.id]);
  });

  it("a curative with its anomaly, a training exercise with its rule", async () => {
    const curative = await client.interventions.get.query({
      interventionId: (await findIntervention(env.database.db, seed.acme, { type: T.curative, status: S.rejected })).id,
    });
    expect(curative.anomalies).toHaveLength(1);
    expect(curative.history.map((event) => event.action)).toEqual(["created", "verified"]);
    const drillId = (
      await findIntervention(env.database.db, seed.acme, { type: T.trainingExercise, status: S.toSchedule })
    ).id;
    const drill = await client.interventions.get.query({ interventionId: drillId });
    expect(drill.rule?.code).toBe("EVAC");
    expect(drill.sites.length).toBeGreaterThan(0);
  });

  it("another organization's intervention → NOT_FOUND 404, like an id that does not exist", async () => {
    const foreign = await findIntervention(env.database.db, seed.lycee, { type: T.preventive, status: S.scheduled });
    const data = await expectTrpcError(
      client.interventions.get.query({ interventionId: foreign.id }),
      "NOT_FOUND",
      404,
      "NOT_FOUND",
    );
    expect(log.at(-1)?.status).toBe(404);
    const missing = await trpcErrorMessage(client.interventions.get.query({ interventionId: UNKNOWN_ID }));
    expect(missing).toBe(`Intervention ${UNKNOWN_ID} not found`);
    expect(data.path).toBe("interventions.get");
  });
});

async function trpcErrorMessage(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the call to fail");
}
