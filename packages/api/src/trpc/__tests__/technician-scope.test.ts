import { anomalies, interventionAnomalies, interventions, notifications, profiles, sites } from "@interventions/db";
import { AnomalyStatus, PLANNING_MAX_DAYS } from "@interventions/domain";
import { and, eq, inArray, isNull, max, min, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  dashboardClient,
  expectTrpcError,
  loadSeed,
  routerProcedures,
  type SeedFixture,
  TEST_NOW,
  trpcClient,
} from "../../testing";

// A provider's technician sees the work of their company and their own, nothing else, through every read
// procedure of the router and on both ways in (the dashboard's cookie, the partner headers). The expected
// set is read straight from the tables, not through the service's scope. The partner REST API has no reads.

type Client = ReturnType<typeof trpcClient>;
const TECHNICIAN = "technician@acme.example";

let env: ApiTestEnv;
let seed: SeedFixture;
let scope: Set<number>;
let outside: number[];
let hiddenAnomalies: Set<number>;
let clients: [string, Client][];

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  const { db } = env.database;
  const profileId = seed.profileId(TECHNICIAN, seed.acme.id);
  const [profile] = await db.select().from(profiles).where(eq(profiles.id, profileId));
  const contactId = profile?.companyContactId ?? 0;
  const companyId = seed.acme.contacts.find((contact) => contact.id === contactId)?.companyId ?? 0;
  const rows = await db
    .select({
      id: interventions.id,
      theirs: sql<boolean>`coalesce(${or(
        eq(interventions.companyId, companyId),
        eq(interventions.assignedCompanyContactId, contactId),
        eq(interventions.assignedProfileId, profileId),
        eq(interventions.createdByProfileId, profileId),
      )}, false)`,
    })
    .from(interventions)
    .where(and(eq(interventions.organizationId, seed.acme.id), isNull(interventions.deletedAt)));
  scope = new Set(rows.filter((row) => row.theirs).map((row) => row.id));
  outside = rows.filter((row) => !row.theirs).map((row) => row.id);

  // Anomalies found by or held by work outside the scope tell of that work.
  const outsideLinks = await db
    .select({ id: interventionAnomalies.anomalyId })
    .from(interventionAnomalies)
    .where(inArray(interventionAnomalies.interventionId, outside));
  const foundOutside = await db
    .select({ id: anomalies.id })
    .from(anomalies)
    .where(inArray(anomalies.foundInInterventionId, outside));
  hiddenAnomalies = new Set([...outsideLinks, ...foundOutside].map((row) => row.id));

  // A notification about work reassigned away from the technician, and one about their own.
  const [mine] = [...scope];
  await db.insert(notifications).values([
    {
      organizationId: seed.acme.id,
      recipientProfileId: profileId,
      interventionId: outside[0],
      kind: "assigned",
      title: "Old",
    },
    {
      organizationId: seed.acme.id,
      recipientProfileId: profileId,
      interventionId: mine,
      kind: "assigned",
      title: "Mine",
    },
  ]);

  clients = [
    ["dashboard cookie", await dashboardClient(env, TECHNICIAN)],
    ["partner headers", trpcClient(env, await env.credentialsFor(TECHNICIAN))],
  ];
});
afterAll(async () => {
  await env.close();
});

interface Revealed {
  interventionIds: number[];
  anomalyIds?: number[];
}

async function allListed(client: Client): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.interventions.list.query({ limit: 100, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Periods of the planning's maximum length, from the first scheduled start of the organization to the last. */
async function planningPeriods(): Promise<{ from: string; to: string }[]> {
  const [range] = await env.database.db
    .select({ first: min(interventions.scheduledStart), last: max(interventions.scheduledStart) })
    .from(interventions)
    .where(eq(interventions.organizationId, seed.acme.id));
  const periods: { from: string; to: string }[] = [];
  const step = PLANNING_MAX_DAYS * 86_400_000;
  for (let start = (range?.first ?? TEST_NOW).getTime(); start <= (range?.last ?? TEST_NOW).getTime(); start += step) {
    periods.push({ from: new Date(start).toISOString(), to: new Date(start + step).toISOString() });
  }
  return periods;
}

async function acmeSiteIds(): Promise<number[]> {
  const rows = await env.database.db.select({ id: sites.id }).from(sites).where(eq(sites.organizationId, seed.acme.id));
  return rows.map((row) => row.id);
}

/** Each read procedure, called every way a page calls it; what it revealed. A new procedure must be added. */
const READS: Record<string, (client: Client) => Promise<Revealed>> = {
  "interventions.list": async (client) => {
    const ids = await allListed(client);
    expect(new Set(ids)).toEqual(scope);
    return { interventionIds: ids };
  },
  "interventions.countByStatus": async (client) => {
    const counts = await client.interventions.countByStatus.query({});
    expect(counts.reduce((sum, row) => sum + row.count, 0)).toBe(scope.size);
    return { interventionIds: [] };
  },
  "interventions.planning": async (client) => {
    const ids: number[] = [];
    for (const period of await planningPeriods()) {
      ids.push(...(await client.interventions.planning.query(period)).items.map((item) => item.id));
    }
    expect(ids.length).toBeGreaterThan(0);
    return { interventionIds: ids };
  },
  "interventions.get": async (client) => {
    const ids: number[] = [];
    for (const interventionId of [...scope, ...outside]) {
      if (scope.has(interventionId)) {
        const detail = await client.interventions.get.query({ interventionId });
        ids.push(detail.intervention.id);
      } else {
        await expectTrpcError(client.interventions.get.query({ interventionId }), "NOT_FOUND", 404, "NOT_FOUND");
      }
    }
    return { interventionIds: ids };
  },
  // The partner reads: the same scope as the dashboard's (read/scope.ts).
  "interventions.read": async (client) => {
    const ids: number[] = [];
    for (const interventionId of [...scope, ...outside]) {
      if (scope.has(interventionId)) {
        ids.push((await client.interventions.read.query({ interventionId })).data.id);
      } else {
        await expectTrpcError(client.interventions.read.query({ interventionId }), "NOT_FOUND", 404, "NOT_FOUND");
      }
    }
    return { interventionIds: ids };
  },
  "interventions.sync": async (client) => {
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.interventions.sync.query({ limit: 100, ...(cursor ? { cursor } : {}) });
      ids.push(...page.data.map((intervention) => intervention.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids.length).toBeGreaterThan(0);
    return { interventionIds: ids };
  },
  "notifications.list": async (client) => {
    const page = await client.notifications.list.query({ limit: 50 });
    expect(page.items.length).toBeGreaterThan(0);
    const unread = await client.notifications.unreadCount.query();
    expect(unread.count).toBe(page.items.filter((item) => item.readAt === null).length);
    return {
      interventionIds: page.items.flatMap((item) => (item.interventionId === null ? [] : [item.interventionId])),
    };
  },
  "notifications.unreadCount": async () => ({ interventionIds: [] }),
  "session.me": async (client) => {
    await client.session.me.query();
    return { interventionIds: [] };
  },
  "session.options": async (client) => {
    await client.session.options.query();
    return { interventionIds: [] };
  },
  "sites.list": async (client) => {
    const listed = await client.sites.list.query();
    const open = await client.anomalies.list.query({ status: AnomalyStatus.open });
    for (const site of listed) {
      expect(site.openAnomalyCount).toBe(open.filter((anomaly) => anomaly.siteId === site.id).length);
    }
    return { interventionIds: [] };
  },
  "sites.register": async (client) => {
    const revealed: Required<Revealed> = { interventionIds: [], anomalyIds: [] };
    for (const siteId of await acmeSiteIds()) {
      const register = await client.sites.register.query({ siteId });
      // Where obligations stand is the client's register, as compliance.overview below.
      expect(register.rules.map((rule) => rule.obligation).filter((obligation) => obligation !== null)).toEqual([]);
      for (const rule of register.rules) {
        if (rule.last) revealed.interventionIds.push(rule.last.id);
        if (rule.next) revealed.interventionIds.push(rule.next.id);
      }
      revealed.anomalyIds.push(...register.openAnomalies.map((anomaly) => anomaly.id));
    }
    return revealed;
  },
  // The compliance register is the client's: a technician reads none of it.
  "compliance.overview": async (client) => {
    await expectTrpcError(client.compliance.overview.query({}), "FORBIDDEN", 403, "FORBIDDEN");
    return { interventionIds: [] };
  },
  "home.overview": async (client) => {
    const home = await client.home.overview.query();
    expect(home.obligations).toBeNull();
    expect(home.verifications).toBeNull();
    expect(home.unassigned).toBeNull();
    const ids = [home.week, home.mine].flatMap((section) => section?.items.map((item) => item.id) ?? []);
    return { interventionIds: ids };
  },
  "compliance.list": async (client) => {
    await expectTrpcError(client.compliance.list.query({}), "FORBIDDEN", 403, "FORBIDDEN");
    return { interventionIds: [] };
  },
  "members.list": async (client) => {
    await expectTrpcError(client.members.list.query(), "FORBIDDEN", 403, "FORBIDDEN");
    return { interventionIds: [] };
  },
  "routines.list": async (client) => {
    await expectTrpcError(client.routines.list.query(), "FORBIDDEN", 403, "FORBIDDEN");
    return { interventionIds: [] };
  },
  "webhooks.list": async (client) => {
    await expectTrpcError(client.webhooks.list.query(), "FORBIDDEN", 403, "FORBIDDEN");
    return { interventionIds: [] };
  },
  "webhooks.deliveries": async (client) => {
    await expectTrpcError(client.webhooks.deliveries.query({ webhookId: 1 }), "FORBIDDEN", 403, "FORBIDDEN");
    return { interventionIds: [] };
  },
  "anomalies.list": async (client) => {
    const listed = await client.anomalies.list.query({});
    return { interventionIds: [], anomalyIds: listed.map((anomaly) => anomaly.id) };
  },
};

describe("a provider's technician sees only their company's work and their own", () => {
  it("the demo has work outside the technician's scope, and anomalies of it", () => {
    expect(scope.size).toBeGreaterThan(0);
    expect(outside.length).toBeGreaterThan(5);
    expect(hiddenAnomalies.size).toBeGreaterThan(0);
  });

  const queries = routerProcedures().filter((procedure) => procedure.type === "query");
  it("every read procedure of the router is in the table", () => {
    expect(queries.map((procedure) => procedure.path).sort()).toEqual(Object.keys(READS).sort());
  });

  for (const via of ["dashboard cookie", "partner headers"]) {
    it.each(queries.map((procedure) => procedure.path))(`%s, through the ${via}`, async (path) => {
      const client = clients.find(([name]) => name === via)?.[1];
      const read = READS[path];
      if (!client || !read) throw new Error(`no client or no read for ${path}`);
      const revealed = await read(client);
      expect(revealed.interventionIds.filter((id) => !scope.has(id))).toEqual([]);
      expect((revealed.anomalyIds ?? []).filter((id) => hiddenAnomalies.has(id))).toEqual([]);
    });
  }

  it("a manager of the same organization still sees all of it", async () => {
    const manager = trpcClient(env, await env.credentialsFor("manager@acme.example"));
    expect(new Set(await allListed(manager))).toEqual(new Set([...scope, ...outside]));
    const listed = await manager.anomalies.list.query({});
    expect(listed.some((anomaly) => hiddenAnomalies.has(anomaly.id))).toBe(true);
  });
});
