import { anomalies, interventionEvents, notifications } from "@interventions/db";
import { interventionProfileShapedSchema, interventionUserShapedSchema } from "@interventions/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  findIntervention,
  TEST_NOW,
  type TrpcExchange,
  trpcClient,
} from "../../testing";

// Each mutation of the interventions router, with the partner headers, and what it leaves in the database.

let env: ApiTestEnv;
let manager: ReturnType<typeof trpcClient>;
let technician: ReturnType<typeof trpcClient>;
const log: TrpcExchange[] = [];

beforeAll(async () => {
  env = await createApiTestEnv();
  manager = trpcClient(env, await env.credentialsFor("manager@acme.example"), log);
  technician = trpcClient(env, await env.credentialsFor("technician@acme.example"), log);
});
afterAll(async () => {
  await env.close();
});

async function anomalyStatus(id: number) {
  const [row] = await env.database.db.select().from(anomalies).where(eq(anomalies.id, id));
  return row?.status;
}

async function eventCount(id: number) {
  const [row] = await env.database.db
    .select({ n: count() })
    .from(interventionEvents)
    .where(eq(interventionEvents.interventionId, id));
  return row?.n;
}

describe("interventions.createCurative", () => {
  it("creates a scheduled repair holding its anomaly, with a code PIN and a history", async () => {
    const { data } = await manager.interventions.createCurative.mutate({
      scheduledStart: "2026-12-01T12:34Z",
      scheduledEnd: "2026-12-05T14:56:23.000Z",
      anomalyIds: [11],
      creationStatus: 1,
      description: "Replace the exit sign",
      assignedCompanyContactId: 2,
      assignedUserId: 3,
    });
    expect(log.at(-1)?.status).toBe(200);
    expect(interventionUserShapedSchema.strict().parse(data)).toBeTruthy();
    expect(data).toMatchObject({
      type: 2,
      status: 2,
      creationStatus: 1,
      scheduledStart: "2026-12-01T12:34:00.000Z",
      assignedCompanyContactId: 2,
      assignedUserId: 3,
      createdByUserId: 3,
      organizationId: 1,
    });
    expect(String(data.codePin)).toMatch(/^\d{6}$/);
    expect(await anomalyStatus(11)).toBe(2);

    const detail = await manager.interventions.get.query({ interventionId: data.id });
    expect(detail.anomalies.map((anomaly) => anomaly.id)).toEqual([11]);
    expect(detail.history.map((event) => [event.action, event.occurredAt])).toEqual([
      ["created", TEST_NOW.toISOString()],
    ]);
  });

  it("a repair created done waits for verification; rejecting it gives the anomaly back, open", async () => {
    const { data } = await manager.interventions.createCurative.mutate({
      scheduledStart: "2026-11-20T08:00Z",
      scheduledEnd: "2026-11-20T10:00Z",
      anomalyIds: [10],
      creationStatus: 2,
    });
    expect(data).toMatchObject({ status: 4, creationStatus: 2, codePin: null });
    const verified = await manager.interventions.verify.mutate({
      interventionId: data.id,
      decision: 2,
      decisionComment: "Photos missing.",
    });
    expect(verified.data).toMatchObject({
      id: data.id,
      status: 6,
      verifiedByUserId: 3,
      verifiedAt: TEST_NOW.toISOString(),
      decisionComment: "Photos missing.",
    });
    expect(await anomalyStatus(10)).toBe(1);
  });
});

describe("interventions.updatePreventive", () => {
  it("re-plans a scheduled preventive and answers in the profile shape", async () => {
    const target = await findIntervention(env, 1, 1, 2);
    const events = await eventCount(target.id);
    const { data } = await manager.interventions.updatePreventive.mutate({
      interventionId: target.id,
      description: "Moved on the client's request",
      scheduledStart: "2026-12-10T08:00:00Z",
      scheduledEnd: "2026-12-10T11:00:00Z",
      assignedProfileId: 2,
    });
    expect(interventionProfileShapedSchema.strict().parse(data)).toBeTruthy();
    expect(data).toMatchObject({
      id: target.id,
      status: 2,
      description: "Moved on the client's request",
      scheduledStart: "2026-12-10T08:00:00.000Z",
      assignedProfileId: 2,
      updatedAt: TEST_NOW.toISOString(),
    });
    expect(await eventCount(target.id)).toBe((events ?? 0) + 1);
  });

  it("an empty patch changes nothing and records nothing", async () => {
    const target = await findIntervention(env, 1, 1, 1);
    const events = await eventCount(target.id);
    const { data } = await manager.interventions.updatePreventive.mutate({ interventionId: target.id });
    expect(data.updatedAt).toBe(target.updatedAt.toISOString());
    expect(await eventCount(target.id)).toBe(events);
  });
});

describe("interventions.updateTrainingExercise and verify", () => {
  it("re-plans a drill, validates it (done, awaiting verification), then the manager accepts it", async () => {
    const target = await findIntervention(env, 1, 3, 1);
    const planned = await manager.interventions.updateTrainingExercise.mutate({
      interventionId: target.id,
      siteIds: [1],
      assignedUserId: 2,
      description: "Evening drill",
    });
    expect(planned.data).toMatchObject({ id: target.id, status: 1, assignedUserId: 2, description: "Evening drill" });
    const detail = await manager.interventions.get.query({ interventionId: target.id });
    expect(detail.sites.map((site) => site.id)).toEqual([1]);

    const validated = await manager.interventions.updateTrainingExercise.mutate({
      interventionId: target.id,
      validateIntervention: true,
    });
    expect(validated.data).toMatchObject({ status: 4, creationStatus: 2 });
    const [pending] = await env.database.db
      .select({ n: count() })
      .from(notifications)
      .where(eq(notifications.interventionId, target.id));
    expect(pending?.n).toBeGreaterThan(0);

    const accepted = await manager.interventions.verify.mutate({
      interventionId: target.id,
      decision: 1,
      decisionComment: "Well run.",
    });
    expect(accepted.data).toMatchObject({ status: 5, verifiedByUserId: 3, decisionComment: "Well run." });
    const history = await manager.interventions.get.query({ interventionId: target.id });
    expect(history.history.map((event) => event.action)).toEqual(["created", "updated", "updated", "verified"]);
  });
});

describe("interventions.createUnplannedPreventive", () => {
  it("the technician records an unplanned check, done and awaiting verification, with a presigned URL", async () => {
    const result = await technician.interventions.createUnplannedPreventive.mutate({
      companyId: 1,
      siteIds: [1],
      ruleIds: [1, 2],
      signature: { name: "signature.png", mimeType: "image/png", size: 2048 },
      provider: { firstName: "Karim", lastName: "Benali", email: "karim.benali@sir.example" },
      actualStart: "2026-11-23T08:34:56.000Z",
    });
    expect(Object.keys(result).sort()).toEqual(["data", "presignedUrl"]);
    expect(result.data).toMatchObject({
      type: 1,
      status: 4,
      creationStatus: 2,
      autoCreated: true,
      providerName: "Karim Benali",
      actualStart: "2026-11-23T08:34:56.000Z",
      organizationId: 1,
    });
    expect(result.presignedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/signatures\/organizations\/1\/interventions\//);
    const detail = await manager.interventions.get.query({ interventionId: result.data.id });
    expect(detail.siteRules.map((rule) => rule.ruleCode).sort()).toEqual(["ALARM", "EXT"]);
  });
});
