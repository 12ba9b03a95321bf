import { interventions } from "@interventions/db";
import { addCalendarMonths, InterventionStatus, InterventionType, RuleKind } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  freshIntervention,
  loadSeed,
  type SeedFixture,
  TEST_NOW,
  trpcClient,
} from "../../../testing";
import { coveringIntervention, freshObligation } from "../../compliance/__tests__/obligation-fixture";

// The home page's one read: what needs each member's attention, by role, within their organization. The
// test clock is Monday 23 November 2026, 11:00 in Paris (the demo's time zone).

const PARIS = "Europe/Paris";
const DAY = 86_400_000;
const T = InterventionType;
const S = InterventionStatus;
type Client = ReturnType<typeof trpcClient>;

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Client;
let overdueSiteRuleId: number;
let unassignedSoon: number;
let unassignedLater: number;
let technicianTomorrow: number;

const at = (days: number, hour = 9) => new Date(Date.UTC(2026, 10, 23 + days, hour - 1));

/** A fresh preventive of the demo organization, moved to the given start, with the given assignee. */
async function preventive(start: Date, assignee: { contactId?: number | null; profileId?: number | null }) {
  const id = await freshIntervention(env.database.db, seed.acme, { type: T.preventive, status: S.scheduled });
  await env.database.db
    .update(interventions)
    .set({
      scheduledStart: start,
      scheduledEnd: new Date(start.getTime() + 2 * 3_600_000),
      assignedCompanyContactId: assignee.contactId ?? null,
      assignedProfileId: assignee.profileId ?? null,
      companyId: null,
    })
    .where(eq(interventions.id, id));
  return id;
}

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = trpcClient(env, await env.credentialsFor("manager@acme.example"));
  // An alarm check done 4 months ago on a quarterly rule: overdue by a month.
  const overdue = await freshObligation(env.database.db, seed.acme.id, { periodicityMonths: 3 });
  await coveringIntervention(env.database.db, overdue, {
    kind: RuleKind.check,
    status: S.accepted,
    scheduledEnd: addCalendarMonths(TEST_NOW, -4, PARIS),
  });
  overdueSiteRuleId = overdue.siteRuleId;
  unassignedSoon = await preventive(at(3), {});
  unassignedLater = await preventive(at(20), {});
  technicianTomorrow = await preventive(at(1), { contactId: seed.acme.contactId("Karim Benali") });
});
afterAll(async () => {
  await env.close();
});

describe("home.overview", () => {
  it("gives a manager the obligations the engine says are overdue or due soon, overdue first", async () => {
    const home = await manager.home.overview.query();
    const grid = await manager.compliance.overview.query({});
    expect(home.obligations?.overdue).toBe(grid.counts.overdue);
    expect(home.obligations?.dueSoon).toBe(grid.counts.dueSoon);
    expect(home.obligations?.overdue).toBeGreaterThan(0);
    const items = home.obligations?.items ?? [];
    expect(items[0]?.status).toBe("overdue");
    expect(items.map((item) => item.siteRuleId)).toContain(overdueSiteRuleId);
    // The due date is the engine's own, not one worked out again.
    const engine = grid.obligations.find((obligation) => obligation.siteRuleId === overdueSiteRuleId);
    expect(items.find((item) => item.siteRuleId === overdueSiteRuleId)?.dueAt).toBe(engine?.dueAt);
    const ranks = items.map((item) => (item.status === "overdue" ? 0 : 1));
    expect(ranks).toEqual([...ranks].sort());
  });

  it("lists the work awaiting verification, unassigned work of the next 14 days and this week's plan", async () => {
    const home = await manager.home.overview.query();
    const tabs = await manager.interventions.countByStatus.query({});
    const awaiting = tabs.find((tab) => tab.status === S.awaitingVerification)?.count ?? 0;
    expect(awaiting).toBeGreaterThan(0);
    expect(home.verifications?.count).toBe(awaiting);
    expect(home.verifications?.items.every((item) => item.status === S.awaitingVerification)).toBe(true);
    // Each line names its site.
    expect(home.verifications?.items.every((item) => typeof item.siteName === "string")).toBe(true);

    const unassigned = home.unassigned?.items.map((item) => item.id) ?? [];
    expect(unassigned).toContain(unassignedSoon);
    expect(unassigned).not.toContain(unassignedLater);
    expect(unassigned).not.toContain(technicianTomorrow);
    // The list the section links to (nobody assigned, over the same days) holds every one of them.
    const listed = await manager.interventions.list.query({
      unassigned: true,
      from: home.periods.today.toISOString(),
      to: home.periods.unassignedUntil.toISOString(),
      limit: 100,
    });
    expect(
      listed.items.every((item) => item.assignedCompanyContactId === null && item.assignedProfileId === null),
    ).toBe(true);
    expect(listed.items.map((item) => item.id)).toEqual(expect.arrayContaining(unassigned));

    // Monday 23 November, 00:00 in Paris, to the Monday after.
    expect(home.periods.weekStart.toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(home.periods.weekEnd.toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(home.week.count).toBeGreaterThan(0);
    for (const item of home.week.items) {
      expect(item.scheduledStart.getTime()).toBeGreaterThanOrEqual(home.periods.weekStart.getTime());
      expect(item.scheduledStart.getTime()).toBeLessThan(home.periods.weekEnd.getTime());
      expect(item.status).not.toBe(S.cancelled);
    }
    expect(home.mine).toBeNull();
  });

  it("gives a viewer what stands, without the verifications they may not make", async () => {
    const viewer = trpcClient(env, await env.credentialsFor("viewer@acme.example"));
    const home = await viewer.home.overview.query();
    expect(home.obligations?.overdue).toBeGreaterThan(0);
    expect(home.verifications).toBeNull();
    expect(home.unassigned?.items.map((item) => item.id)).toContain(unassignedSoon);
  });

  it("gives a technician their own work of today and tomorrow, and nothing of the client's register", async () => {
    const technician = trpcClient(env, await env.credentialsFor("technician@acme.example"));
    const home = await technician.home.overview.query();
    expect(home.obligations).toBeNull();
    expect(home.verifications).toBeNull();
    expect(home.unassigned).toBeNull();
    expect(home.mine?.items.map((item) => item.id)).toContain(technicianTomorrow);
    for (const item of home.mine?.items ?? []) {
      expect(item.scheduledStart.getTime()).toBeLessThan(TEST_NOW.getTime() + 2 * DAY);
    }
  });

  it("shows another organization nothing of this one's", async () => {
    const lycee = trpcClient(env, await env.credentialsFor("manager@lycee-hugo.example"));
    const home = await lycee.home.overview.query();
    const ids = [home.verifications, home.unassigned, home.week].flatMap((section) => section?.items ?? []);
    expect(ids.map((item) => item.id)).not.toContain(unassignedSoon);
    const acmeSites = new Set(seed.acme.siteIds);
    expect(home.obligations?.items.some((item) => acmeSites.has(item.siteId))).toBe(false);
  });
});
