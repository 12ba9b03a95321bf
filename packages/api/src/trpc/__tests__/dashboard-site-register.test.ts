import {
  anomalies,
  interventionSiteRules,
  interventionSites,
  interventions,
  organizations,
  rules,
  siteRules,
  sites,
} from "@interventions/db";
import {
  AnomalyStatus,
  InterventionStatus,
  InterventionType,
  isOverdue,
  ObligationStatus,
  obligationState,
} from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  browserSignIn,
  cookieClient,
  createApiTestEnv,
  type DashboardClient,
  dashboardClient,
  expectNoLeak,
  expectTrpcError,
  loadSeed,
  type SeedFixture,
  sessionCookie,
  TEST_NOW,
  type TrpcExchange,
} from "../../testing";

// sites.register: per rule of a site, where its obligation stands, the last done and the next open
// intervention, worked out here again from the rows; the site's open anomalies; and nothing of another
// organization.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: DashboardClient;
const log: TrpcExchange[] = [];

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  const { token } = await browserSignIn(env, "consultant@safety.example");
  manager = cookieClient(env, sessionCookie(token, seed.acme.id), {}, log);
});
afterEach(() => {
  env.setNow(TEST_NOW);
});
afterAll(async () => {
  // Error answers only: demo data legitimately reads like "missing at the … 08:00:00".
  for (const exchange of log) if (exchange.status >= 400) expectNoLeak(exchange.body);
  await env.close();
});

const S = InterventionStatus;
/** What the register calls done (the last) and open (the next) work. */
const DONE: InterventionStatus[] = [S.awaitingVerification, S.accepted];
const OPEN: InterventionStatus[] = [S.toSchedule, S.scheduled, S.inProgress];
/** A site id no row has. */
const UNKNOWN_ID = 999_999;

/** What the register should say for each rule of the site, from the tables and the domain's rule. */
async function expectedRegister(siteId: number, now: Date) {
  const { db } = env.database;
  const [calendar] = await db
    .select({ timeZone: organizations.timeZone, warningDays: organizations.complianceWarningDays })
    .from(sites)
    .innerJoin(organizations, eq(organizations.id, sites.organizationId))
    .where(eq(sites.id, siteId));
  if (!calendar) throw new Error(`no site ${siteId}`);
  const ruleRows = await db
    .select({ id: siteRules.id, ruleId: siteRules.ruleId, periodicityMonths: rules.periodicityMonths })
    .from(siteRules)
    .innerJoin(rules, eq(rules.id, siteRules.ruleId))
    .where(eq(siteRules.siteId, siteId));
  const rows = await db
    .select({ intervention: interventions })
    .from(interventionSites)
    .innerJoin(interventions, eq(interventions.id, interventionSites.interventionId))
    .where(and(eq(interventionSites.siteId, siteId), isNull(interventions.deletedAt)));
  const links = await db.select().from(interventionSiteRules);
  return ruleRows
    .map((rule) => {
      const covering = rows
        .map((row) => row.intervention)
        .filter(
          (item) =>
            links.some((link) => link.siteRuleId === rule.id && link.interventionId === item.id) ||
            (item.type === InterventionType.trainingExercise && item.ruleId === rule.ruleId),
        );
      const doneAt = (item: (typeof covering)[number]) => (item.actualEnd ?? item.scheduledEnd).getTime();
      const last = covering.filter((i) => DONE.includes(i.status)).sort((a, b) => doneAt(b) - doneAt(a))[0];
      const next = covering
        .filter((i) => OPEN.includes(i.status))
        .sort((a, b) => a.scheduledStart.getTime() - b.scheduledStart.getTime())[0];
      const obligation = obligationState({
        lastDone: last
          ? { at: new Date(doneAt(last)), pendingVerification: last.status === S.awaitingVerification }
          : null,
        periodicityMonths: rule.periodicityMonths,
        now,
        ...calendar,
      });
      return {
        siteRuleId: rule.id,
        ruleId: rule.ruleId,
        obligation: { status: obligation.status, dueAt: obligation.dueAt?.toISOString() ?? null },
        last: last ? { id: last.id, status: last.status, doneAt: new Date(doneAt(last)).toISOString() } : null,
        next: next
          ? {
              id: next.id,
              status: next.status,
              scheduledStart: next.scheduledStart.toISOString(),
              overdue: isOverdue(next.status, next.scheduledEnd, now),
            }
          : null,
      };
    })
    .sort((a, b) => a.siteRuleId - b.siteRuleId);
}

type Register = Awaited<ReturnType<DashboardClient["sites"]["register"]["query"]>>;
const comparable = (register: Register) =>
  register.rules
    .map(({ siteRuleId, ruleId, obligation, last, next }) => ({ siteRuleId, ruleId, obligation, last, next }))
    .sort((a, b) => a.siteRuleId - b.siteRuleId);

describe("sites.register", () => {
  it("every rule of every site: last and next agree with the rows", async () => {
    let lasts = 0;
    let nexts = 0;
    for (const siteId of seed.acme.siteIds) {
      const register = await manager.sites.register.query({ siteId });
      expect(register.site.id).toBe(siteId);
      expect(register.site.organizationId).toBe(seed.acme.id);
      const expected = await expectedRegister(siteId, TEST_NOW);
      expect(expected.length).toBeGreaterThan(0);
      expect(comparable(register)).toEqual(expected);
      lasts += register.rules.filter((rule) => rule.last).length;
      nexts += register.rules.filter((rule) => rule.next).length;
    }
    // The seed gives both cases somewhere, so the comparison above is not only of nulls.
    expect(lasts).toBeGreaterThan(0);
    expect(nexts).toBeGreaterThan(0);
  });

  it("last is done work (awaiting verification or accepted), next is open work; never rejected nor cancelled", async () => {
    for (const siteId of seed.acme.siteIds) {
      const { rules } = await manager.sites.register.query({ siteId });
      for (const rule of rules) {
        if (rule.last) expect(DONE).toContain(rule.last.status);
        if (rule.next) expect(OPEN).toContain(rule.next.status);
      }
    }
  });

  it("rules come with their catalogue fields, by code", async () => {
    const siteId = seed.acme.siteId("Résidence Les Tilleuls");
    const { rules } = await manager.sites.register.query({ siteId });
    const codes = rules.map((rule) => rule.code);
    expect(codes).toEqual([...codes].sort());
    for (const rule of rules) {
      expect(rule.name.length).toBeGreaterThan(0);
      expect(rule.periodicityMonths).toBeGreaterThan(0);
      expect(seed.acme.checkRuleIds.concat(seed.acme.exerciseRuleIds)).toContain(rule.ruleId);
    }
  });

  it("next.overdue follows the request's clock", async () => {
    const siteId = seed.acme.siteId("Résidence Les Tilleuls");
    const now = (await manager.sites.register.query({ siteId })).rules.filter((rule) => rule.next);
    expect(now.length).toBeGreaterThan(0);
    expect(now.every((rule) => rule.next?.overdue === false)).toBe(true);
    const later = new Date(TEST_NOW.getTime() + 90 * 86_400_000);
    env.setNow(later);
    // The morning's session has expired by then: a new one, opened at that date.
    const { token } = await browserSignIn(env, "manager@acme.example", later);
    const register = await cookieClient(env, sessionCookie(token), {}, log).sites.register.query({ siteId });
    expect(comparable(register)).toEqual(await expectedRegister(siteId, later));
    expect(register.rules.filter((rule) => rule.next).every((rule) => rule.next?.overdue === true)).toBe(true);
  });

  it("each rule's obligation is the Compliance page's, for the manager and the viewer alike", async () => {
    const { obligations } = await manager.compliance.overview.query({});
    const viewer = await dashboardClient(env, "viewer@acme.example");
    const seen = new Set<string>();
    for (const siteId of seed.acme.siteIds) {
      for (const client of [manager, viewer]) {
        const { rules } = await client.sites.register.query({ siteId });
        for (const rule of rules) {
          const obligation = obligations.find((candidate) => candidate.siteRuleId === rule.siteRuleId);
          expect(rule.obligation).toEqual({ status: obligation?.status, dueAt: obligation?.dueAt });
          if (rule.obligation) seen.add(rule.obligation.status);
        }
      }
    }
    // The demo has work done lately on some sites, over a year ago on one (overdue), never on others.
    expect(seen).toEqual(new Set([ObligationStatus.compliant, ObligationStatus.neverDone, ObligationStatus.overdue]));
  });

  it("a year and more later, what was done is overdue, and what never was still never done", async () => {
    const later = new Date(TEST_NOW.getTime() + 400 * 86_400_000);
    env.setNow(later);
    const { token } = await browserSignIn(env, "manager@acme.example", later);
    const client = cookieClient(env, sessionCookie(token), {}, log);
    const seen = new Set<string>();
    for (const siteId of seed.acme.siteIds) {
      const register = await client.sites.register.query({ siteId });
      expect(comparable(register)).toEqual(await expectedRegister(siteId, later));
      for (const rule of register.rules) {
        if (rule.obligation) seen.add(rule.obligation.status);
        if (rule.last) expect(rule.obligation?.status).toBe(ObligationStatus.overdue);
        else expect(rule.obligation).toEqual({ status: ObligationStatus.neverDone, dueAt: null });
      }
    }
    expect(seen).toEqual(new Set([ObligationStatus.overdue, ObligationStatus.neverDone]));
  });

  it("lists the site's open anomalies only", async () => {
    const all = await env.database.db.select().from(anomalies).where(eq(anomalies.organizationId, seed.acme.id));
    expect(all.some((anomaly) => anomaly.status !== AnomalyStatus.open)).toBe(true);
    let listed = 0;
    for (const siteId of seed.acme.siteIds) {
      const { openAnomalies } = await manager.sites.register.query({ siteId });
      const expected = all.filter((a) => a.siteId === siteId && a.status === AnomalyStatus.open).map((a) => a.id);
      expect(openAnomalies.map((a) => a.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      expect(openAnomalies.every((a) => a.siteId === siteId && a.status === AnomalyStatus.open)).toBe(true);
      listed += openAnomalies.length;
    }
    expect(listed).toBeGreaterThan(0);
  });

  it("another organization's site → NOT_FOUND, as is a site that does not exist", async () => {
    for (const siteId of [...seed.lycee.siteIds, UNKNOWN_ID]) {
      await expectTrpcError(manager.sites.register.query({ siteId }), "NOT_FOUND", 404, "NOT_FOUND");
    }
  });

  it("the same user in the other organization reads that organization's sites, and not the first's", async () => {
    const { token } = await browserSignIn(env, "consultant@safety.example");
    const inLycee = cookieClient(env, sessionCookie(token, seed.lycee.id), {}, log);
    const siteId = seed.lycee.siteId("Bâtiment A — Enseignement");
    const register = await inLycee.sites.register.query({ siteId });
    expect(register.site.organizationId).toBe(seed.lycee.id);
    expect(comparable(register)).toEqual(await expectedRegister(siteId, TEST_NOW));
    const lyceeRules = new Set(seed.lycee.checkRuleIds.concat(seed.lycee.exerciseRuleIds));
    expect(register.rules.every((rule) => lyceeRules.has(rule.ruleId))).toBe(true);
    const acmeSite = seed.acme.siteId("Résidence Les Tilleuls");
    await expectTrpcError(inLycee.sites.register.query({ siteId: acmeSite }), "NOT_FOUND", 404, "NOT_FOUND");
  });

  it("a site id that is not an integer → BAD_REQUEST naming siteId", async () => {
    const data = await expectTrpcError(
      manager.sites.register.query({ siteId: 1.5 }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    expect(data.issues.map((issue) => issue.path)).toEqual(["siteId"]);
  });
});
