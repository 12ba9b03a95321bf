import { generateApiKey } from "@interventions/db";
import { CreationStatus, InterventionStatus, InterventionType, VerificationDecision } from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  ACME_KEY,
  type ApiTestEnv,
  checkSiteRule,
  createApiTestEnv,
  expectNoLeak,
  expectTrpcError,
  LYCEE,
  loadSeed,
  type SeedFixture,
  seededIntervention,
  TEST_NOW,
  type TrpcExchange,
  trpcClient,
  trpcError,
} from "../../testing";

// Who may call the interventions router: credentials (401) and permissions (403), on every procedure, with
// the same errorCode as REST. No error shape carries a stack.

let env: ApiTestEnv;
let seed: SeedFixture;
let managerHeaders: Record<string, string>;
let manager: ReturnType<typeof trpcClient>;
let viewer: ReturnType<typeof trpcClient>;
const log: TrpcExchange[] = [];
const ids = { preventive: 0, drill: 0, awaiting: 0, accepted: 0, curative: 0, foreign: 0 };
const T = InterventionType;
const S = InterventionStatus;

beforeAll(async () => {
  env = await createApiTestEnv();
  managerHeaders = await env.credentialsFor("manager@acme.example");
  manager = trpcClient(env, managerHeaders, log);
  viewer = trpcClient(env, await env.credentialsFor("viewer@acme.example"), log);
  const { db } = env.database;
  seed = await loadSeed(db);
  ids.preventive = await seededIntervention(db, ACME, { type: T.preventive, status: S.scheduled });
  ids.drill = await seededIntervention(db, ACME, { type: T.trainingExercise, status: S.scheduled });
  ids.awaiting = await seededIntervention(db, ACME, { type: T.preventive, status: S.awaitingVerification });
  ids.accepted = await seededIntervention(db, ACME, { type: T.preventive, status: S.accepted });
  ids.curative = await seededIntervention(db, ACME, { type: T.curative, status: S.scheduled });
  ids.foreign = await seededIntervention(db, LYCEE, { type: T.preventive, status: S.scheduled });
});
afterAll(async () => {
  expect(log.length).toBeGreaterThan(0);
  for (const exchange of log) expectNoLeak(exchange.body);
  await env.close();
});

const curativeInput = () => ({
  scheduledStart: "2026-12-01T12:34:56.000Z",
  scheduledEnd: "2026-12-05T14:56:23.000Z",
  anomalyIds: [seed.acme.uncoveredAnomalyId("Immeuble Saxe")],
  creationStatus: CreationStatus.toScheduled,
});

type Client = ReturnType<typeof trpcClient>;
const QUERIES = ["list", "get"] as const;
const MUTATIONS = [
  "createCurative",
  "createUnplannedPreventive",
  "updatePreventive",
  "updateTrainingExercise",
  "verify",
] as const;
type Procedure = (typeof QUERIES)[number] | (typeof MUTATIONS)[number];

/** One call of a procedure, with valid input. */
function callOf(client: Client, name: Procedure): Promise<unknown> {
  const patch = { description: "x" };
  switch (name) {
    case "list":
      return client.interventions.list.query({});
    case "get":
      return client.interventions.get.query({ interventionId: ids.preventive });
    case "createCurative":
      return client.interventions.createCurative.mutate(curativeInput());
    case "createUnplannedPreventive":
      return client.interventions.createUnplannedPreventive.mutate({
        companyId: seed.acme.technicianCompanyId,
        siteIds: [checkSiteRule(seed.acme).siteId],
        ruleIds: [checkSiteRule(seed.acme).ruleId],
        signature: { name: "s.png", mimeType: "image/png", size: 10 },
        provider: { firstName: "K", lastName: "B", email: "k@b.fr" },
      });
    case "updatePreventive":
      return client.interventions.updatePreventive.mutate({ interventionId: ids.preventive, ...patch });
    case "updateTrainingExercise":
      return client.interventions.updateTrainingExercise.mutate({ interventionId: ids.drill, ...patch });
    case "verify":
      return client.interventions.verify.mutate({
        interventionId: ids.awaiting,
        decision: VerificationDecision.accept,
        decisionComment: "ok",
      });
  }
}

describe("authentication", () => {
  it.each([...QUERIES, ...MUTATIONS])("%s without credentials → UNAUTHORIZED, HTTP 401", async (name) => {
    const error = await trpcError(callOf(trpcClient(env, {}, log), name));
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.data?.httpStatus).toBe(401);
    expect(log.at(-1)?.status).toBe(401);
  });

  it.each([
    ["an unknown API key", () => ({ ...managerHeaders, authorization: `Bearer ${generateApiKey()}` })],
    ["a Basic scheme", () => ({ ...managerHeaders, authorization: "Basic dXNlcjpwYXNz" })],
    ["an API key only", () => ({ authorization: `Bearer ${ACME_KEY}` })],
    ["a session token only", () => ({ "x-session-token": managerHeaders["x-session-token"] ?? "" })],
    ["a malformed session token", () => ({ ...managerHeaders, "x-session-token": "a.b.c" })],
  ])("%s → UNAUTHORIZED 401 with errorCode UNAUTHENTICATED", async (_label, headers) => {
    const client = trpcClient(env, headers(), log);
    for (const name of [...QUERIES, ...MUTATIONS]) {
      await expectTrpcError(callOf(client, name), "UNAUTHORIZED", 401, "UNAUTHENTICATED");
      expect(log.at(-1)?.status).toBe(401);
    }
  });

  it("an expired session token → 401", async () => {
    try {
      env.setNow(new Date(TEST_NOW.getTime() + 13 * 60 * 60 * 1000));
      await expectTrpcError(manager.interventions.list.query({}), "UNAUTHORIZED", 401, "UNAUTHENTICATED");
    } finally {
      env.setNow(TEST_NOW);
    }
    expect((await manager.interventions.list.query({})).items.length).toBeGreaterThan(0);
  });

  it("authentication is checked before the input: bad credentials and bad input → 401", async () => {
    const anonymous = trpcClient(env, { authorization: `Bearer ${generateApiKey()}` }, log);
    await expectTrpcError(
      // @ts-expect-error an id that is not a number, on purpose: the credentials are refused first
      anonymous.interventions.get.query({ interventionId: "x" }),
      "UNAUTHORIZED",
      401,
      "UNAUTHENTICATED",
    );
  });
});

describe("authorization", () => {
  it.each(MUTATIONS)("a viewer's %s → FORBIDDEN 403", async (name) => {
    await expectTrpcError(callOf(viewer, name), "FORBIDDEN", 403, "FORBIDDEN");
    expect(log.at(-1)?.status).toBe(403);
  });

  it("a member of another organization with this organization's key → FORBIDDEN 403", async () => {
    const outsider = await env.credentialsFor("admin@lycee-hugo.example", ACME);
    const client = trpcClient(env, outsider, log);
    await expectTrpcError(client.interventions.list.query({}), "FORBIDDEN", 403, "FORBIDDEN");
  });

  it("another organization's intervention (or one of another type) → NOT_FOUND 404, on every procedure", async () => {
    const id = ids.foreign;
    const patch = { description: "x" };
    const calls = [
      () => manager.interventions.get.query({ interventionId: id }),
      () => manager.interventions.updatePreventive.mutate({ interventionId: id, ...patch }),
      () => manager.interventions.updateTrainingExercise.mutate({ interventionId: id, ...patch }),
      () =>
        manager.interventions.verify.mutate({
          interventionId: id,
          decision: VerificationDecision.accept,
          decisionComment: "x",
        }),
      () => manager.interventions.updatePreventive.mutate({ interventionId: ids.curative, ...patch }),
    ];
    for (const call of calls) {
      await expectTrpcError(call(), "NOT_FOUND", 404, "NOT_FOUND");
      expect(log.at(-1)?.status).toBe(404);
    }
  });
});
