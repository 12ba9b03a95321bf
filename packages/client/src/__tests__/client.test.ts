import {
  type ApiTestEnv,
  BASE_URL,
  checkSiteRule,
  createApiTestEnv,
  loadSeed,
  type SeedFixture,
  seededIntervention,
} from "@interventions/api/testing";
import { CreationStatus, InterventionStatus, InterventionType, VerificationDecision } from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInterventionsClient, type InterventionsClient } from "../index";

// The typed client against the real REST handler and database; its fetch hands requests to the handler.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: InterventionsClient;
let technician: InterventionsClient;

const clientFor = async (email: string) => {
  const headers = await env.credentialsFor(email);
  return createInterventionsClient({
    baseUrl: BASE_URL,
    apiKey: (headers.authorization ?? "").replace("Bearer ", ""),
    sessionToken: headers["x-session-token"] ?? "",
    fetch: (request) => env.rest(request),
  });
};

const firstOf = (type: InterventionType, status: InterventionStatus) =>
  seededIntervention(env.database.db, seed.acme, { type, status });

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await clientFor("manager@acme.example");
  technician = await clientFor("technician@acme.example");
});
afterAll(async () => {
  await env.close();
});

describe("the partners' typed client", () => {
  it("records an unplanned preventive, then verifies it", async () => {
    const created = await technician.POST("/interventions/v2/mb/preventive/unplanned", {
      body: {
        companyId: seed.acme.technicianCompanyId,
        siteIds: [checkSiteRule(seed.acme).siteId],
        ruleIds: [checkSiteRule(seed.acme).ruleId],
        signature: { name: "signature.png", mimeType: "image/png", size: 2048 },
        provider: { firstName: "Karim", lastName: "Benali", email: "karim@example.com" },
      },
    });
    expect(created.response.status).toBe(201);
    expect(created.data?.presignedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/signatures\//);
    const id = created.data?.data.id ?? 0;
    expect(created.data?.data).toMatchObject({
      type: InterventionType.preventive,
      status: InterventionStatus.awaitingVerification,
    });

    const verified = await manager.PATCH("/interventions/v2/rs/{interventionId}/verify", {
      params: { path: { interventionId: id } },
      body: { decision: VerificationDecision.accept, decisionComment: "Checked on site" },
    });
    expect(verified.data?.data).toMatchObject({
      id,
      status: InterventionStatus.accepted,
      decisionComment: "Checked on site",
    });
  });

  it("creates a curative intervention", async () => {
    const created = await manager.POST("/interventions/v2/rs/curative", {
      body: {
        scheduledStart: "2026-12-01T08:00:00.000Z",
        scheduledEnd: "2026-12-01T12:00:00Z",
        anomalyIds: [seed.acme.uncoveredAnomalyId("Résidence Les Tilleuls")],
        creationStatus: CreationStatus.toScheduled,
      },
    });
    expect(created.response.status).toBe(201);
    expect(created.data?.data).toMatchObject({
      type: InterventionType.curative,
      status: InterventionStatus.toSchedule,
    });
  });

  it("updates a preventive (profile-shaped answer) and a training exercise", async () => {
    const preventiveId = await firstOf(InterventionType.preventive, InterventionStatus.scheduled);
    const preventive = await manager.PATCH("/interventions/v2/rs/preventive/{interventionId}", {
      params: { path: { interventionId: preventiveId } },
      body: { description: "Bring the ladder" },
    });
    expect(preventive.data?.data).toMatchObject({ id: preventiveId, description: "Bring the ladder" });
    expect(preventive.data?.data).toHaveProperty("assignedProfileId");

    const exerciseId = await firstOf(InterventionType.trainingExercise, InterventionStatus.toSchedule);
    const exercise = await manager.PATCH("/interventions/v2/rs/training-exercise/{interventionId}", {
      params: { path: { interventionId: exerciseId } },
      body: { description: "Evacuation drill, east wing" },
    });
    expect(exercise.data?.data).toMatchObject({ id: exerciseId, description: "Evacuation drill, east wing" });
  });

  it("returns the problem of a refused call as a typed error", async () => {
    const refused = await manager.POST("/interventions/v2/rs/curative", {
      body: {
        scheduledStart: "2026-12-05T08:00:00.000Z",
        scheduledEnd: "2026-12-01T08:00:00.000Z",
        anomalyIds: [seed.acme.uncoveredAnomalyId("Résidence Les Tilleuls")],
        creationStatus: CreationStatus.toScheduled,
      },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.data).toBeUndefined();
    expect(refused.error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      errors: [{ path: "scheduledEnd", message: "scheduledEnd must not be before scheduledStart" }],
    });
  });
});
