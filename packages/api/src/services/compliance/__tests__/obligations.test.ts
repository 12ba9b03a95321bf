import { anomalies } from "@interventions/db";
import {
  AnomalySeverity,
  AnomalyStatus,
  addCalendarMonths,
  type CoveringIntervention,
  InterventionStatus,
  latestDone,
  nextOpen,
  ObligationStatus,
  RuleKind,
} from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  expectProblem,
  jsonRequest,
  loadSeed,
  type SeedFixture,
  TEST_NOW,
  trpcClient,
} from "../../../testing";
import { readObligationFacts } from "../obligation-facts";
import { coveringIntervention, freshObligation } from "./obligation-fixture";

const PARIS = "Europe/Paris";
const COMPLIANCE = "/interventions/v2/rs/compliance";

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
});
afterAll(async () => {
  await env?.close();
});

const get = (query: string, headers = manager) => env.rest(jsonRequest("GET", `${COMPLIANCE}${query}`, headers));

describe("an extinguisher check accepted 13 months ago, with nothing planned since", () => {
  it("is overdue over REST and over tRPC, due 12 months after the check, at the same local time", async () => {
    const obligation = await freshObligation(env.database.db, seed.acme.id, { periodicityMonths: 12 });
    const checkedAt = addCalendarMonths(TEST_NOW, -13, PARIS);
    await coveringIntervention(env.database.db, obligation, {
      kind: RuleKind.check,
      status: InterventionStatus.accepted,
      scheduledEnd: checkedAt,
    });

    const response = await get(`?siteId=${obligation.siteId}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      data: [
        {
          siteRuleId: obligation.siteRuleId,
          siteId: obligation.siteId,
          ruleId: obligation.ruleId,
          status: ObligationStatus.overdue,
          lastDoneAt: checkedAt.toISOString(),
          pendingVerification: false,
          dueAt: addCalendarMonths(checkedAt, 12, PARIS).toISOString(),
          nextInterventionId: null,
          nextScheduledStart: null,
          openAnomalyCount: 0,
        },
      ],
      nextCursor: null,
    });

    const client = trpcClient(env, manager);
    const page = await client.compliance.list.query({ siteId: obligation.siteId });
    expect(page).toEqual(body);
  });
});

describe("what covers an obligation", () => {
  it("counts a drill of the rule on the site, work awaiting verification as pending, and the next open work", async () => {
    const obligation = await freshObligation(env.database.db, seed.acme.id, {
      kind: RuleKind.exercise,
      periodicityMonths: 6,
    });
    const doneAt = new Date(TEST_NOW.getTime() - 10 * 86_400_000);
    await coveringIntervention(env.database.db, obligation, {
      kind: RuleKind.exercise,
      status: InterventionStatus.awaitingVerification,
      scheduledEnd: new Date(doneAt.getTime() - 3_600_000),
      actualEnd: doneAt,
    });
    const nextEnd = new Date(TEST_NOW.getTime() + 150 * 86_400_000);
    const next = await coveringIntervention(env.database.db, obligation, {
      kind: RuleKind.exercise,
      status: InterventionStatus.scheduled,
      scheduledEnd: nextEnd,
    });
    await env.database.db.insert(anomalies).values({
      organizationId: obligation.organizationId,
      siteId: obligation.siteId,
      siteRuleId: obligation.siteRuleId,
      description: "Exit sign out",
      severity: AnomalySeverity.major,
      status: AnomalyStatus.open,
      detectedAt: TEST_NOW,
    });

    const [row] = (await (await get(`?ruleId=${obligation.ruleId}`)).json()).data;
    expect(row).toMatchObject({
      status: ObligationStatus.compliant,
      lastDoneAt: doneAt.toISOString(),
      pendingVerification: true,
      nextInterventionId: next,
      nextScheduledStart: new Date(nextEnd.getTime() - 2 * 3_600_000).toISOString(),
      openAnomalyCount: 1,
    });
  });

  it("is the domain's rule: the query's latest done and next open work agree with latestDone and nextOpen", async () => {
    const statuses = Object.values(InterventionStatus);
    let state = 7;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    const expected = new Map<number, CoveringIntervention[]>();
    const obligations = [];
    for (let index = 0; index < 12; index += 1) {
      const obligation = await freshObligation(env.database.db, seed.lycee.id, { periodicityMonths: 3 });
      obligations.push(obligation);
      const covering: CoveringIntervention[] = [];
      for (let work = 0; work < 6; work += 1) {
        const status = statuses[Math.floor(random() * statuses.length)] ?? InterventionStatus.accepted;
        const scheduledEnd = new Date(TEST_NOW.getTime() + Math.floor((random() - 0.7) * 400) * 86_400_000);
        const actualEnd = random() < 0.5 ? new Date(scheduledEnd.getTime() + 3_600_000) : null;
        const id = await coveringIntervention(env.database.db, obligation, {
          kind: RuleKind.check,
          status,
          scheduledEnd,
          actualEnd,
        });
        covering.push({
          id,
          status,
          scheduledStart: new Date(scheduledEnd.getTime() - 2 * 3_600_000),
          scheduledEnd,
          actualEnd,
        });
      }
      expected.set(obligation.siteRuleId, covering);
    }
    const facts = await readObligationFacts(env.database.db, seed.lycee.id, {});
    for (const obligation of obligations) {
      const covering = expected.get(obligation.siteRuleId) ?? [];
      const fact = facts.find((candidate) => candidate.siteRuleId === obligation.siteRuleId);
      expect(fact?.lastDone).toEqual(latestDone(covering));
      const open = nextOpen(covering);
      expect(fact?.nextIntervention).toEqual(open && { id: open.id, scheduledStart: open.scheduledStart });
    }
  });
});

describe("GET /interventions/v2/rs/compliance", () => {
  it("pages in site-rule order: every obligation once across pages, none of another organization", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await get(`?limit=5${cursor ? `&cursor=${cursor}` : ""}`);
      const page: { data: { siteRuleId: number }[]; nextCursor: string | null } = await response.json();
      seen.push(...page.data.map((row) => row.siteRuleId));
      cursor = page.nextCursor;
    } while (cursor);
    const acmeSiteRules = (await readObligationFacts(env.database.db, seed.acme.id, {})).map((row) => row.siteRuleId);
    expect(seen).toEqual(acmeSiteRules);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("filters by status", async () => {
    const body = await (await get(`?status=${ObligationStatus.overdue}`)).json();
    expect(body.data.length).toBeGreaterThan(0);
    for (const row of body.data) expect(row.status).toBe(ObligationStatus.overdue);
  });

  it.each([
    ["an unknown parameter", "?colour=red", "colour"],
    ["a malformed site id", "?siteId=abc", "siteId"],
    ["an unknown status", "?status=late", "status"],
    ["a limit over 100", "?limit=101", "limit"],
    ["a limit of 0", "?limit=0", "limit"],
    ["a repeated parameter", "?siteId=1&siteId=2", "siteId"],
    ["a forged cursor", "?cursor=bm9wZQ", "cursor"],
  ])("refuses %s with 400 naming it", async (_label, query, path) => {
    const problem = await expectProblem(await get(query), 400, "VALIDATION_FAILED");
    expect(problem.errors?.map((issue) => issue.path)).toContain(path);
  });

  it("is the client's register: a provider's technician may not read it (403)", async () => {
    const technician = await env.credentialsFor("technician@acme.example");
    await expectProblem(await get("", technician), 403, "FORBIDDEN");
  });
});
