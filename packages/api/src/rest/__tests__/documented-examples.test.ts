import { interventionEvents, interventions } from "@interventions/db";
import { interventionProfileShapedSchema, interventionUserShapedSchema } from "@interventions/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestEnv, createApiTestEnv, jsonRequest } from "../../testing";

let env: ApiTestEnv;
let manager: Record<string, string>;
let technician: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  manager = await env.credentialsFor("manager@acme.example");
  technician = await env.credentialsFor("technician@acme.example");
});
afterAll(async () => {
  await env.close();
});

describe("the documented examples, with real ids of the demo", () => {
  it("000 records an unplanned preventive and returns a presigned URL", async () => {
    const response = await env.rest(
      jsonRequest("POST", "/interventions/v2/mb/preventive/unplanned", technician, {
        companyId: 1,
        siteIds: [1],
        ruleIds: [1, 2],
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
      type: 1,
      status: 4,
      creationStatus: 2,
      providerName: "Karim Benali",
      organizationId: 1,
    });
    expect(body.presignedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/signatures\/organizations\/1\/interventions\//);
  });

  it("001 creates a curative intervention", async () => {
    const response = await env.rest(
      jsonRequest("POST", "/interventions/v2/rs/curative", manager, {
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        anomalyIds: [8],
        creationStatus: 0,
        description: "Description of the intervention",
        assignedCompanyContactId: 1,
        assignedUserId: 3,
      }),
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(interventionUserShapedSchema.strict().parse(body.data)).toBeTruthy();
    expect(body.data).toMatchObject({ type: 2, status: 1, creationStatus: 0, assignedUserId: 3, codePin: null });
  });

  it("002 updates a scheduled preventive and answers in the profile shape", async () => {
    const [target] = await env.database.db
      .select({ id: interventions.id })
      .from(interventions)
      .where(eq(interventions.status, 2));
    const response = await env.rest(
      jsonRequest("PATCH", `/interventions/v2/rs/preventive/${target?.id}`, manager, {
        description: "Description of the intervention",
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        creationStatus: 1,
        assignedCompanyContactId: 2,
        assignedProfileId: 2,
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
      .where(eq(interventionEvents.interventionId, target?.id ?? 0));
    expect(events?.n).toBe(3);
  });
});
