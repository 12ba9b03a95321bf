import { interventionEvents, interventions } from "@interventions/db";
import { CreationStatus, InterventionStatus, InterventionType, VerificationDecision } from "@interventions/domain";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import {
  type ApiTestEnv,
  BASE_URL,
  checkSiteRule,
  createApiTestEnv,
  DEMO_PASSWORD,
  documentedCalls,
  EXAMPLE_ID,
  expectNoLeak,
  expectProblem,
  expectTrpcError,
  findIntervention,
  jsonRequest,
  loadSeed,
  PATHS,
  type SeedFixture,
  type TrpcExchange,
  trpcClient,
} from "../../testing";

// A 500 tells the client only that something went wrong. The failure is provoked by dropping a table that
// verification and unplanned creation write to, in this file's own database.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;
let technician: Record<string, string>;
let consoleError: MockInstance;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  technician = await env.credentialsFor("technician@acme.example");
  await env.database.db.execute(sql`drop table notifications cascade`);
  consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  consoleError.mockRestore();
  await env.close();
});

async function eventsOf(id: number): Promise<number> {
  const [row] = await env.database.db
    .select({ n: count() })
    .from(interventionEvents)
    .where(eq(interventionEvents.interventionId, id));
  return row?.n ?? 0;
}

/** Row counts of the tables still there (writeCounts also counts the dropped one). */
async function rowCounts() {
  const [i] = await env.database.db.select({ n: count() }).from(interventions);
  const [e] = await env.database.db.select({ n: count() }).from(interventionEvents);
  return [i?.n, e?.n];
}

/** The error the handler reported to the server side, as text. */
function lastReported(): string {
  const error = consoleError.mock.calls.at(-1)?.[0] as { message?: string; cause?: { message?: string } } | undefined;
  return `${error?.message ?? ""} ${error?.cause?.message ?? ""}`;
}

describe("REST", () => {
  it("verify → 500 INTERNAL_ERROR with the generic message only, and the transaction is rolled back", async () => {
    const target = await findIntervention(env.database.db, seed.acme, {
      type: InterventionType.preventive,
      status: InterventionStatus.awaitingVerification,
    });
    const events = await eventsOf(target.id);
    consoleError.mockClear();
    const response = await env.rest(
      jsonRequest("PATCH", `/interventions/v2/rs/${target.id}/verify`, manager, {
        decisionComment: "Compliant.",
        decision: VerificationDecision.accept,
      }),
    );
    const problem = await expectProblem(response, 500, "INTERNAL_ERROR");
    expect(problem).toEqual({
      type: "urn:interventions:problem:internal-error",
      title: "Internal Server Error",
      status: 500,
      detail: "An unexpected error occurred",
      code: "INTERNAL_ERROR",
    });
    expect(response.headers.get("www-authenticate")).toBeNull();

    const [after] = await env.database.db.select().from(interventions).where(eq(interventions.id, target.id));
    expect(after?.status).toBe(InterventionStatus.awaitingVerification);
    expect(after?.version).toBe(target.version);
    expect(await eventsOf(target.id)).toBe(events);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(lastReported()).toMatch(/notifications/);
  });

  it("an unplanned preventive → 500 with the same generic body, and nothing is created", async () => {
    // Ids that exist, so that the request gets past the lookups to the table that is gone.
    const pair = checkSiteRule(seed.acme);
    const [call] = documentedCalls({
      companyId: seed.acme.technicianCompanyId,
      siteId: pair.siteId,
      ruleId: pair.ruleId,
    });
    if (!call) throw new Error("no documented call");
    const before = await rowCounts();
    const response = await env.rest(jsonRequest(call.method, call.path, technician, call.body));
    const text = await response.text();
    expect(response.status).toBe(500);
    expectNoLeak(text);
    expect(JSON.parse(text)).toMatchObject({ detail: "An unexpected error occurred", code: "INTERNAL_ERROR" });
    expect(await rowCounts()).toEqual(before);
  });

  it("a path that does not need the table still works", async () => {
    const response = await env.rest(
      jsonRequest("POST", "/interventions/v2/rs/curative", manager, {
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        anomalyIds: [seed.acme.uncoveredAnomalyId("Parking Part-Dieu")],
        creationStatus: CreationStatus.scheduled,
      }),
    );
    expect(response.status, await response.clone().text()).toBe(201);
  });
});

describe("tRPC", () => {
  it("verify → INTERNAL_SERVER_ERROR 500 with errorCode INTERNAL_ERROR and the generic message", async () => {
    const target = await findIntervention(env.database.db, seed.acme, {
      type: InterventionType.curative,
      status: InterventionStatus.awaitingVerification,
    });
    const log: TrpcExchange[] = [];
    const client = trpcClient(env, manager, log);
    consoleError.mockClear();
    const call = client.interventions.verify.mutate({
      interventionId: target.id,
      decisionComment: "Compliant.",
      decision: VerificationDecision.accept,
    });
    const data = await expectTrpcError(call, "INTERNAL_SERVER_ERROR", 500, "INTERNAL_ERROR");
    expect(data.issues).toEqual([]);
    expect(log.at(-1)?.status).toBe(500);
    const raw = log.at(-1)?.body ?? "";
    expectNoLeak(raw);
    expect(JSON.parse(raw).error.json.message).toBe("An unexpected error occurred");
    expect(consoleError).toHaveBeenCalled();

    const [after] = await env.database.db.select().from(interventions).where(eq(interventions.id, target.id));
    expect(after?.status).toBe(InterventionStatus.awaitingVerification);
  });
});

describe("a failure inside authentication (runs last: it drops the sessions table)", () => {
  it("REST, login and tRPC answer a generic 500, never a 401 and never the database's message", async () => {
    // A session no request authenticated yet: the partners' authentication cache cannot answer for it.
    const uncached = await env.credentialsFor("manager@acme.example");
    await env.database.db.execute(sql`drop table sessions cascade`);
    const rest = await env.rest(jsonRequest("PATCH", PATHS.verify(EXAMPLE_ID), uncached, {}));
    expect(rest.headers.get("www-authenticate")).toBeNull();
    await expectProblem(rest, 500, "INTERNAL_ERROR");

    const login = await env.auth(
      jsonRequest("POST", "/api/auth/login", {}, { email: "manager@acme.example", password: DEMO_PASSWORD }),
    );
    const problem = await expectProblem(login, 500, "INTERNAL_ERROR");
    expect(problem.detail).toBe("An unexpected error occurred");

    const response = await env.trpc(new Request(`${BASE_URL}/api/trpc/interventions.list`, { headers: manager }));
    const text = await response.text();
    expect(response.status).toBe(500);
    expectNoLeak(text);
    expect(JSON.parse(text).error.json).toMatchObject({
      message: "An unexpected error occurred",
      data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, errorCode: "INTERNAL_ERROR" },
    });
  });
});
