import { notifications } from "@interventions/db";
import {
  CreationStatus,
  InterventionStatus as S,
  InterventionType as T,
  VerificationDecision,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  expectProblem,
  expectTrpcError,
  expectValidation,
  freshIntervention,
  interventionRow,
  jsonRequest,
  loadSeed,
  notificationsOf,
  openAnomaly,
  PATHS,
  type SeedFixture,
  snapshot,
  TEST_NOW,
  trpcClient,
} from "../../testing";

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;
let viewer: Record<string, string>;
let technician: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  viewer = await env.credentialsFor("viewer@acme.example");
  technician = await env.credentialsFor("technician@acme.example");
});
afterAll(async () => {
  await env.close();
});

const patch = (path: string, body: unknown, headers = manager) => env.rest(jsonRequest("PATCH", path, headers, body));

describe("work recorded as done gets its actual times on every path", () => {
  it("001 created done: actual times within the schedule, not after now", async () => {
    const anomalyId = await openAnomaly(env.database.db, seed.acme);
    const response = await env.rest(
      jsonRequest("POST", PATHS.curative, manager, {
        scheduledStart: "2026-11-20T08:00:00.000Z",
        scheduledEnd: "2026-11-20T10:00:00.000Z",
        anomalyIds: [anomalyId],
        creationStatus: CreationStatus.done,
      }),
    );
    const { data } = await response.json();
    expect(data).toMatchObject({ status: S.awaitingVerification, actualStart: "2026-11-20T08:00:00.000Z" });
    expect(data.actualEnd).toBe("2026-11-20T10:00:00.000Z");
  });

  it("002 and 003 moved to done by creationStatus 2: actual times set, not later than now", async () => {
    for (const [path, type] of [
      [PATHS.preventive, T.preventive],
      [PATHS.trainingExercise, T.trainingExercise],
    ] as const) {
      const id = await freshIntervention(env.database.db, seed.acme, { type, status: S.scheduled });
      const response = await patch(path(id), { creationStatus: CreationStatus.done });
      expect(response.status).toBe(200);
      const row = await interventionRow(env.database.db, id);
      expect(row?.status).toBe(S.awaitingVerification);
      expect(row?.actualStart?.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
      expect(row?.actualEnd?.getTime()).toBeGreaterThanOrEqual(row?.actualStart?.getTime() ?? Number.NaN);
    }
  });
});

describe("updates only in states that allow them, even empty ones", () => {
  it("an empty PATCH on an accepted preventive or exercise → 409, nothing written", async () => {
    const before = await snapshot(env.database.db);
    const preventive = await freshIntervention(env.database.db, seed.acme, { type: T.preventive, status: S.accepted });
    const exercise = await freshIntervention(env.database.db, seed.acme, {
      type: T.trainingExercise,
      status: S.accepted,
    });
    const afterCopies = await snapshot(env.database.db);
    await expectProblem(await patch(PATHS.preventive(preventive), {}), 409, "INVALID_STATE");
    await expectProblem(await patch(PATHS.trainingExercise(exercise), {}), 409, "INVALID_STATE");
    expect(await snapshot(env.database.db)).toEqual(afterCopies);
    expect(before).not.toEqual(afterCopies);
  });
});

describe("verify's notificationId", () => {
  it("must be about the intervention being verified", async () => {
    const target = await freshIntervention(env.database.db, seed.acme, {
      type: T.preventive,
      status: S.awaitingVerification,
    });
    const other = await freshIntervention(env.database.db, seed.acme, {
      type: T.preventive,
      status: S.awaitingVerification,
    });
    const profileId = seed.profileId("manager@acme.example", seed.acme.id);
    const [elsewhere] = await env.database.db
      .insert(notifications)
      .values({
        organizationId: seed.acme.id,
        recipientProfileId: profileId,
        interventionId: other,
        kind: "awaitingVerification",
        title: "t",
      })
      .returning({ id: notifications.id });
    const response = await patch(PATHS.verify(target), {
      decision: VerificationDecision.accept,
      decisionComment: "ok",
      notificationId: elsewhere?.id,
    });
    await expectValidation(response, "notificationId");
    expect((await interventionRow(env.database.db, target))?.status).toBe(S.awaitingVerification);
    const [row] = await env.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, elsewhere?.id ?? ""));
    expect(row?.readAt).toBeNull();
    expect(await notificationsOf(env.database.db, target)).toEqual([]);
  });
});

describe("003 names the field the client changed", () => {
  it("a rule that does not apply to the current sites → 400 at ruleId", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, { type: T.trainingExercise, status: S.scheduled });
    const checkRule = seed.acme.checkRuleIds[0];
    await expectValidation(await patch(PATHS.trainingExercise(id), { ruleId: checkRule }), "ruleId");
  });
});

describe("the role is checked before the body", () => {
  it("a viewer sending an invalid body gets 403, not 400, on REST and tRPC", async () => {
    await expectProblem(
      await env.rest(jsonRequest("POST", PATHS.curative, viewer, { anomalyIds: [] })),
      403,
      "FORBIDDEN",
    );
    const client = trpcClient(env, viewer);
    await expectTrpcError(
      // @ts-expect-error an incomplete body on purpose: the role is checked before it
      client.interventions.createCurative.mutate({ anomalyIds: [] }),
      "FORBIDDEN",
      403,
      "FORBIDDEN",
    );
  });
});

describe("the code PIN is shown to the client's planners only", () => {
  it("list and get hide it from technicians and viewers", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, { type: T.preventive, status: S.scheduled });
    const pin = (await interventionRow(env.database.db, id))?.codePin;
    expect(pin).toBeGreaterThanOrEqual(100000);
    const seen = async (headers: Record<string, string>) => {
      const client = trpcClient(env, headers);
      const detail = await client.interventions.get.query({ interventionId: id });
      const page = await client.interventions.list.query({ type: T.preventive, status: S.scheduled, limit: 100 });
      return [detail.intervention.codePin, page.items.find((item) => item.id === id)?.codePin];
    };
    expect(await seen(manager)).toEqual([pin, pin]);
    expect(await seen(viewer)).toEqual([null, null]);
    expect(await seen(technician)).toEqual([null, null]);
  });
});

describe("tRPC body limit", () => {
  it("a mutation body over 1 MiB → 413 in tRPC's error shape", async () => {
    const padding = " ".repeat(1024 * 1024);
    const response = await env.trpc(
      new Request("http://interventions.test/api/trpc/interventions.createCurative", {
        method: "POST",
        headers: { "content-type": "application/json", ...manager },
        body: `{"json":{}}${padding}`,
      }),
    );
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body.error.json.data).toMatchObject({ httpStatus: 413, errorCode: "PAYLOAD_TOO_LARGE" });
  });
});
