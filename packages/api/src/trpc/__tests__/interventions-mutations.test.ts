import { anomalies, interventionEvents, notifications } from "@interventions/db";
import {
  AnomalyStatus,
  CreationStatus,
  InterventionStatus,
  InterventionType,
  interventionProfileShapedSchema,
  interventionUserShapedSchema,
  VerificationDecision,
} from "@interventions/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  findIntervention,
  loadSeed,
  type SeedFixture,
  TEST_NOW,
  type TrpcExchange,
  trpcClient,
} from "../../testing";

// Each mutation of the interventions router, with the partner headers, and what it leaves in the database.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: ReturnType<typeof trpcClient>;
let technician: ReturnType<typeof trpcClient>;
const log: TrpcExchange[] = [];

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = trpcClient(env, await env.credentialsFor("manager@acme.example"), log);
  technician = trpcClient(env, await env.credentialsFor("technician@acme.example"), log);
});
afterAll(async () => {
  await env.close();
});

const T = InterventionType;
const S = InterventionStatus;
const MANAGER = "manager@acme.example";

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
    const anomalyId = seed.acme.uncoveredAnomalyId("Bureaux Confluence");
    const contactId = seed.acme.contactId("Julie Moreau");
    const { data } = await manager.interventions.createCurative.mutate({
      scheduledStart: "2026-12-01T12:34Z",
      scheduledEnd: "2026-12-05T14:56:23.000Z",
      anomalyIds: [anomalyId],
      creationStatus: CreationStatus.scheduled,
      description: "Replace the exit sign",
      assignedCompanyContactId: contactId,
      assignedUserId: seed.userId(MANAGER),
    });
    expect(log.at(-1)?.status).toBe(200);
    expect(interventionUserShapedSchema.strict().parse(data)).toBeTruthy();
    expect(data).toMatchObject({
      type: T.curative,
      status: S.scheduled,
      creationStatus: CreationStatus.scheduled,
      scheduledStart: "2026-12-01T12:34:00.000Z",
      assignedCompanyContactId: contactId,
      assignedUserId: seed.userId(MANAGER),
      createdByUserId: seed.userId(MANAGER),
      organizationId: seed.acme.id,
    });
    expect(String(data.codePin)).toMatch(/^\d{6}$/);
    expect(await anomalyStatus(anomalyId)).toBe(AnomalyStatus.inRepair);

    const detail = await manager.interventions.get.query({ interventionId: data.id });
    expect(detail.anomalies.map((anomaly) => anomaly.id)).toEqual([anomalyId]);
    expect(detail.history.map((event) => [event.action, event.occurredAt])).toEqual([
      ["created", TEST_NOW.toISOString()],
    ]);
  });

  it("a repair created done waits for verification; rejecting it gives the anomaly back, open", async () => {
    const anomalyId = seed.acme.uncoveredAnomalyId("Parking Part-Dieu");
    const { data } = await manager.interventions.createCurative.mutate({
      scheduledStart: "2026-11-20T08:00Z",
      scheduledEnd: "2026-11-20T10:00Z",
      anomalyIds: [anomalyId],
      creationStatus: CreationStatus.done,
    });
    expect(data).toMatchObject({ status: S.awaitingVerification, creationStatus: CreationStatus.done, codePin: null });
    const verified = await manager.interventions.verify.mutate({
      interventionId: data.id,
      decision: VerificationDecision.reject,
      decisionComment: "Photos missing.",
    });
    expect(verified.data).toMatchObject({
      id: data.id,
      status: S.rejected,
      verifiedByUserId: seed.userId(MANAGER),
      verifiedAt: TEST_NOW.toISOString(),
      decisionComment: "Photos missing.",
    });
    expect(await anomalyStatus(anomalyId)).toBe(AnomalyStatus.open);
  });
});

describe("interventions.updatePreventive", () => {
  it("re-plans a scheduled preventive and answers in the profile shape", async () => {
    const target = await findIntervention(env.database.db, seed.acme, { type: T.preventive, status: S.scheduled });
    const events = await eventCount(target.id);
    const managerProfile = seed.profileId(MANAGER, seed.acme.id);
    const { data } = await manager.interventions.updatePreventive.mutate({
      interventionId: target.id,
      description: "Moved on the client's request",
      scheduledStart: "2026-12-10T08:00:00Z",
      scheduledEnd: "2026-12-10T11:00:00Z",
      assignedProfileId: managerProfile,
    });
    expect(interventionProfileShapedSchema.strict().parse(data)).toBeTruthy();
    expect(data).toMatchObject({
      id: target.id,
      status: S.scheduled,
      description: "Moved on the client's request",
      scheduledStart: "2026-12-10T08:00:00.000Z",
      assignedProfileId: managerProfile,
      updatedAt: TEST_NOW.toISOString(),
    });
    expect(await eventCount(target.id)).toBe((events ?? 0) + 1);
  });

  it("an empty patch changes nothing and records nothing", async () => {
    const target = await findIntervention(env.database.db, seed.acme, { type: T.preventive, status: S.toSchedule });
    const events = await eventCount(target.id);
    const { data } = await manager.interventions.updatePreventive.mutate({ interventionId: target.id });
    expect(data.updatedAt).toBe(target.updatedAt.toISOString());
    expect(await eventCount(target.id)).toBe(events);
  });
});

describe("interventions.updateTrainingExercise and verify", () => {
  it("re-plans a drill, validates it (done, awaiting verification), then the manager accepts it", async () => {
    const target = await findIntervention(env.database.db, seed.acme, {
      type: T.trainingExercise,
      status: S.toSchedule,
    });
    const siteId = seed.acme.siteId("Résidence Les Tilleuls");
    const admin = seed.userId("admin@acme.example");
    const planned = await manager.interventions.updateTrainingExercise.mutate({
      interventionId: target.id,
      siteIds: [siteId],
      assignedUserId: admin,
      description: "Evening drill",
    });
    expect(planned.data).toMatchObject({
      id: target.id,
      status: S.toSchedule,
      assignedUserId: admin,
      description: "Evening drill",
    });
    const detail = await manager.interventions.get.query({ interventionId: target.id });
    expect(detail.sites.map((site) => site.id)).toEqual([siteId]);

    const validated = await manager.interventions.updateTrainingExercise.mutate({
      interventionId: target.id,
      validateIntervention: true,
    });
    expect(validated.data).toMatchObject({ status: S.awaitingVerification, creationStatus: CreationStatus.done });
    const [pending] = await env.database.db
      .select({ n: count() })
      .from(notifications)
      .where(eq(notifications.interventionId, target.id));
    expect(pending?.n).toBeGreaterThan(0);

    const accepted = await manager.interventions.verify.mutate({
      interventionId: target.id,
      decision: VerificationDecision.accept,
      decisionComment: "Well run.",
    });
    expect(accepted.data).toMatchObject({
      status: S.accepted,
      verifiedByUserId: seed.userId(MANAGER),
      decisionComment: "Well run.",
    });
    const history = await manager.interventions.get.query({ interventionId: target.id });
    expect(history.history.map((event) => event.action)).toEqual(["created", "updated", "updated", "verified"]);
  });
});

describe("interventions.createUnplannedPreventive", () => {
  it("the technician records an unplanned check, done and awaiting verification, with a presigned URL", async () => {
    const result = await technician.interventions.createUnplannedPreventive.mutate({
      companyId: seed.acme.companyId("Sécurité Incendie Rhône"),
      siteIds: [seed.acme.siteId("Résidence Les Tilleuls")],
      ruleIds: [seed.acme.ruleId("EXT"), seed.acme.ruleId("ALARM")],
      signature: { name: "signature.png", mimeType: "image/png", size: 2048 },
      provider: { firstName: "Karim", lastName: "Benali", email: "karim.benali@sir.example" },
      actualStart: "2026-11-23T08:34:56.000Z",
    });
    // The version is the ETag of REST answers; the dashboard may send it back as expectedVersions.
    expect(Object.keys(result).sort()).toEqual(["data", "presignedUrl", "version"]);
    expect(result.data).toMatchObject({
      type: T.preventive,
      status: S.awaitingVerification,
      creationStatus: CreationStatus.done,
      autoCreated: true,
      providerName: "Karim Benali",
      actualStart: "2026-11-23T08:34:56.000Z",
      organizationId: seed.acme.id,
    });
    expect(result.presignedUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/signatures/organizations/${seed.acme.id}/interventions/`),
    );
    const detail = await manager.interventions.get.query({ interventionId: result.data.id });
    expect(detail.siteRules.map((rule) => rule.ruleCode).sort()).toEqual(["ALARM", "EXT"]);
  });
});
