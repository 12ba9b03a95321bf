import { interventionEvents } from "@interventions/db";
import {
  CreationStatus,
  InterventionStatus,
  InterventionType,
  interventionProfileShapedSchema,
  interventionUserShapedSchema,
} from "@interventions/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  jsonRequest,
  loadSeed,
  type SeedFixture,
  seededIntervention,
} from "../../testing";

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;
let technician: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  technician = await env.credentialsFor("technician@acme.example");
});
afterAll(async () => {
  await env.close();
});

// The bodies are written as the documentation writes them: JSON numbers for the creation status.
describe("the documented examples, with real ids of the demo", () => {
  it("000 records an unplanned preventive and returns a presigned URL", async () => {
    const response = await env.rest(
      jsonRequest("POST", "/interventions/v2/mb/preventive/unplanned", technician, {
        companyId: seed.acme.companyId("Sécurité Incendie Rhône"),
        siteIds: [seed.acme.siteId("Résidence Les Tilleuls")],
        ruleIds: [seed.acme.ruleId("EXT"), seed.acme.ruleId("ALARM")],
        signature: { name: "example.jpg", mimeType: "image/jpeg", size: 1024 },
        provider: {
          firstName: "Karim",
          lastName: "Benali",
          actionComment: "Action comment from the provider",
          email: "example@mail.fr",
          comment: "General comment from the provider",
        },
        actualStart: "2026-11-23T08:34:56.000Z",
      }),
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(Object.keys(body)).toEqual(["data", "presignedUrl"]);
    expect(interventionUserShapedSchema.strict().parse(body.data)).toBeTruthy();
    expect(body.data).toMatchObject({
      type: InterventionType.preventive,
      status: InterventionStatus.awaitingVerification,
      creationStatus: CreationStatus.done,
      providerName: "Karim Benali",
      organizationId: seed.acme.id,
    });
    expect(body.presignedUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/signatures/organizations/${seed.acme.id}/interventions/`),
    );
  });

  it("001 creates a curative intervention", async () => {
    const managerUserId = seed.userId("manager@acme.example");
    const response = await env.rest(
      jsonRequest("POST", "/interventions/v2/rs/curative", manager, {
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        anomalyIds: [seed.acme.uncoveredAnomalyId("Résidence Les Tilleuls")],
        creationStatus: 0,
        description: "Description of the intervention",
        assignedCompanyContactId: seed.acme.contactId("Karim Benali"),
        assignedUserId: managerUserId,
      }),
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(interventionUserShapedSchema.strict().parse(body.data)).toBeTruthy();
    expect(body.data).toMatchObject({
      type: InterventionType.curative,
      status: InterventionStatus.toSchedule,
      creationStatus: CreationStatus.toScheduled,
      assignedUserId: managerUserId,
      codePin: null,
    });
  });

  it("002 updates a scheduled preventive and answers in the profile shape", async () => {
    const target = await seededIntervention(env.database.db, seed.acme, {
      type: InterventionType.preventive,
      status: InterventionStatus.scheduled,
    });
    const response = await env.rest(
      jsonRequest("PATCH", `/interventions/v2/rs/preventive/${target}`, manager, {
        description: "Description of the intervention",
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        creationStatus: 1,
        assignedCompanyContactId: seed.acme.contactId("Julie Moreau"),
        assignedProfileId: seed.profileId("manager@acme.example", seed.acme.id),
        sendUpdateEmailToCurrentAssignee: false,
        previousAssigneeNotification: { sendEmail: true, reason: "The intervention details have changed." },
      }),
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(interventionProfileShapedSchema.strict().parse(body.data)).toBeTruthy();
    const [events] = await env.database.db
      .select({ n: count() })
      .from(interventionEvents)
      .where(eq(interventionEvents.interventionId, target));
    expect(events?.n).toBe(3);
  });
});
