import { generateApiKey } from "@interventions/db";
import { CreationStatus, InterventionStatus, InterventionType, VerificationDecision } from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  type ApiTestEnv,
  BASE_URL,
  createApiTestEnv,
  expectNoLeak,
  expectTrpcError,
  jsonRequest,
  LYCEE,
  loadSeed,
  PATHS,
  seededIntervention,
  type TrpcExchange,
  trpcClient,
  trpcError,
} from "../../testing";

// How the interventions router fails on input and state (400, 404, 409), and the stable errorCode: the REST
// problem's `code` for the same failure. No error shape carries a stack.

type Client = ReturnType<typeof trpcClient>;
let env: ApiTestEnv;
let managerHeaders: Record<string, string>;
let manager: Client;
const log: TrpcExchange[] = [];
const ids = { preventive: 0, awaiting: 0, accepted: 0, foreign: 0, anomaly: 0 };
/** Ids no intervention or anomaly has. */
const UNKNOWN_ID = 424_242;
const preventive = (status: InterventionStatus) => ({ type: InterventionType.preventive, status });

beforeAll(async () => {
  env = await createApiTestEnv();
  managerHeaders = await env.credentialsFor("manager@acme.example");
  manager = trpcClient(env, managerHeaders, log);
  const { db } = env.database;
  ids.preventive = await seededIntervention(db, ACME, preventive(InterventionStatus.scheduled));
  ids.awaiting = await seededIntervention(db, ACME, preventive(InterventionStatus.awaitingVerification));
  ids.accepted = await seededIntervention(db, ACME, preventive(InterventionStatus.accepted));
  ids.foreign = await seededIntervention(db, LYCEE, preventive(InterventionStatus.scheduled));
  ids.anomaly = (await loadSeed(db)).acme.uncoveredAnomalyId("Immeuble Saxe");
});
afterAll(async () => {
  expect(log.length).toBeGreaterThan(0);
  for (const exchange of log) expectNoLeak(exchange.body);
  await env.close();
});

const curativeInput = () => ({
  scheduledStart: "2026-12-01T12:34:56.000Z",
  scheduledEnd: "2026-12-05T14:56:23.000Z",
  anomalyIds: [ids.anomaly],
  creationStatus: CreationStatus.toScheduled,
});

describe("input and state", () => {
  it.each([
    [
      "a missing field",
      // @ts-expect-error anomalyIds left out on purpose
      () => manager.interventions.createCurative.mutate({ ...curativeInput(), anomalyIds: undefined }),
      ["anomalyIds"],
    ],
    [
      "an end before the start",
      () => manager.interventions.createCurative.mutate({ ...curativeInput(), scheduledEnd: "2026-11-01T00:00Z" }),
      ["scheduledEnd"],
    ],
    [
      "an unknown field in a patch",
      () =>
        manager.interventions.updatePreventive.mutate({
          interventionId: ids.preventive,
          // @ts-expect-error a field the procedure does not know, on purpose
          colour: "red",
        }),
      ["colour"],
    ],
    [
      "a string id",
      // @ts-expect-error an id sent as a string, on purpose
      () => manager.interventions.get.query({ interventionId: String(ids.preventive) }),
      ["interventionId"],
    ],
    [
      "an unknown anomaly (found by the service)",
      () => manager.interventions.createCurative.mutate({ ...curativeInput(), anomalyIds: [UNKNOWN_ID] }),
      ["anomalyIds.0"],
    ],
    [
      "an unknown decision",
      () =>
        manager.interventions.verify.mutate({
          interventionId: ids.awaiting,
          // @ts-expect-error a decision that is neither accept nor reject, on purpose
          decision: 3,
          decisionComment: "x",
        }),
      ["decision"],
    ],
  ])("%s → BAD_REQUEST 400, VALIDATION_FAILED with issues", async (_label, call, paths) => {
    const data = await expectTrpcError(call(), "BAD_REQUEST", 400, "VALIDATION_FAILED");
    expect(data.issues.map((issue) => issue.path)).toEqual(paths);
    expect(data.issues.every((issue) => typeof issue.message === "string" && issue.message.length > 0)).toBe(true);
    expect(log.at(-1)?.status).toBe(400);
  });

  it("verifying twice → CONFLICT 409 with errorCode INVALID_STATE", async () => {
    const decision = { decision: VerificationDecision.accept, decisionComment: "Compliant." };
    const first = await manager.interventions.verify.mutate({ interventionId: ids.awaiting, ...decision });
    expect(first.data.status).toBe(InterventionStatus.accepted);
    await expectTrpcError(
      manager.interventions.verify.mutate({
        interventionId: ids.awaiting,
        ...decision,
        decision: VerificationDecision.reject,
      }),
      "CONFLICT",
      409,
      "INVALID_STATE",
    );
    expect(log.at(-1)?.status).toBe(409);
  });

  it("re-planning an accepted preventive → CONFLICT 409 INVALID_STATE", async () => {
    const call = manager.interventions.updatePreventive.mutate({
      interventionId: ids.accepted,
      description: "x",
    });
    await expectTrpcError(call, "CONFLICT", 409, "INVALID_STATE");
  });
});

describe("the endpoint itself", () => {
  it("an unknown procedure → 404 and a mutation called with GET → 405, without a stack", async () => {
    const unknown = await env.trpc(new Request(`${BASE_URL}/api/trpc/interventions.nope`, { headers: managerHeaders }));
    expect(unknown.status).toBe(404);
    const missing = await unknown.text();
    expectNoLeak(missing);
    expect(missing).not.toContain("stack");
    const wrongMethod = await env.trpc(
      new Request(`${BASE_URL}/api/trpc/interventions.verify?input=${encodeURIComponent("{}")}`, {
        headers: managerHeaders,
      }),
    );
    expect(wrongMethod.status).toBe(405);
    expectNoLeak(await wrongMethod.text());
  });
});

describe("the same failure has the same code through REST and tRPC", () => {
  const verifyBody = { decision: VerificationDecision.accept, decisionComment: "ok" };
  const asManager = async () => managerHeaders;
  const cases: [string, () => Promise<Record<string, string>>, () => number, number, string][] = [
    ["no credentials", async () => ({}), () => UNKNOWN_ID, 401, "UNAUTHENTICATED"],
    [
      "an unknown API key",
      async () => ({ ...managerHeaders, authorization: `Bearer ${generateApiKey()}` }),
      () => UNKNOWN_ID,
      401,
      "UNAUTHENTICATED",
    ],
    [
      "a member of another organization",
      () => env.credentialsFor("admin@lycee-hugo.example", ACME),
      () => UNKNOWN_ID,
      403,
      "FORBIDDEN",
    ],
    ["a viewer verifying", () => env.credentialsFor("viewer@acme.example"), () => UNKNOWN_ID, 403, "FORBIDDEN"],
    ["an intervention of another organization", asManager, () => ids.foreign, 404, "NOT_FOUND"],
    ["an already accepted intervention", asManager, () => ids.accepted, 409, "INVALID_STATE"],
  ];

  it.each(cases)("%s: the same HTTP status and code on both", async (_label, headersOf, idOf, status, code) => {
    const headers = await headersOf();
    const rest = await env.rest(jsonRequest("PATCH", PATHS.verify(idOf()), headers, verifyBody));
    const problem = await rest.json();
    expect([rest.status, problem.code]).toEqual([status, code]);
    const client = trpcClient(env, headers, log);
    const error = await trpcError(client.interventions.verify.mutate({ interventionId: idOf(), ...verifyBody }));
    expect([error.data?.httpStatus, error.data?.errorCode]).toEqual([status, problem.code]);
  });

  it("a body that is not JSON: 400 on both, and errorCode is REST's MALFORMED_JSON", async () => {
    const headers = { ...managerHeaders, "content-type": "application/json" };
    const rest = await env.rest(
      new Request(`${BASE_URL}${PATHS.verify(ids.accepted)}`, { method: "PATCH", headers, body: "{" }),
    );
    const problem = await rest.json();
    expect([rest.status, problem.code]).toEqual([400, "MALFORMED_JSON"]);
    const response = await env.trpc(
      new Request(`${BASE_URL}/api/trpc/interventions.verify`, { method: "POST", headers, body: "{" }),
    );
    const text = await response.text();
    expectNoLeak(text);
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error.json.data.errorCode).toBe(problem.code);
  });

  it("invalid input: VALIDATION_FAILED on both, each naming the field", async () => {
    const rest = await env.rest(
      jsonRequest("PATCH", PATHS.verify(ids.accepted), managerHeaders, {
        decision: 3,
        decisionComment: "x",
      }),
    );
    const problem = await rest.json();
    const data = await expectTrpcError(
      manager.interventions.verify.mutate({
        interventionId: ids.accepted,
        // @ts-expect-error the same unknown decision as the REST body above
        decision: 3,
        decisionComment: "x",
      }),
      "BAD_REQUEST",
      400,
      problem.code,
    );
    expect(problem.errors.map((issue: { path: string }) => issue.path)).toEqual(data.issues.map((issue) => issue.path));
    // In words, the same on both: not zod's issue list as JSON.
    const refused = await manager.interventions.verify
      // @ts-expect-error the same unknown decision again
      .mutate({ interventionId: ids.accepted, decision: 3, decisionComment: "x" })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe(problem.detail);
    expect((refused as Error).message).toMatch(/^decision: /);
  });
});
