import {
  AnomalyStatus,
  CreationStatus,
  InterventionStatus,
  InterventionType,
  interventionUserShapedSchema,
  VerificationDecision,
} from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  anomalyStatuses,
  checkSiteRule,
  createApiTestEnv,
  eventsOf,
  expectIsoDates,
  expectProblem,
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

const verify = (id: number | string, payload: unknown, headers = manager) =>
  env.rest(jsonRequest("PATCH", PATHS.verify(id), headers, payload));
const accept = { decisionComment: "Compliant, report received.", decision: VerificationDecision.accept };
const reject = {
  decisionComment: "Provider refused the intervention due to scheduling conflicts.",
  decision: VerificationDecision.reject,
};

/** A done preventive recorded through 000: it awaits verification and its verifiers were notified. */
async function doneCheck(): Promise<number> {
  const pair = checkSiteRule(seed.acme);
  const response = await env.rest(
    jsonRequest("POST", PATHS.unplanned, technician, {
      companyId: seed.acme.technicianCompanyId,
      siteIds: [pair.siteId],
      ruleIds: [pair.ruleId],
      signature: { name: "s.png", mimeType: "image/png", size: 10 },
      provider: { firstName: "Karim", lastName: "Benali", email: "karim@example.fr" },
    }),
  );
  expect(response.status).toBe(201);
  return (await response.json()).data.id;
}

/** A done curative recorded through 001, holding two fresh anomalies. */
async function doneRepair(): Promise<{ id: number; anomalyIds: number[] }> {
  const anomalyIds = [
    await openAnomaly(env.database.db, seed.acme, 0),
    await openAnomaly(env.database.db, seed.acme, 2),
  ];
  const response = await env.rest(
    jsonRequest("POST", PATHS.curative, manager, {
      scheduledStart: "2026-11-20T08:00:00Z",
      scheduledEnd: "2026-11-20T10:00:00Z",
      anomalyIds,
      creationStatus: CreationStatus.done,
    }),
  );
  expect(response.status).toBe(201);
  return { id: (await response.json()).data.id, anomalyIds };
}

async function verified(response: Response) {
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(200);
  expect(Object.keys(json)).toEqual(["data"]);
  expectIsoDates(json.data);
  return interventionUserShapedSchema.strict().parse(json.data);
}

/** An intervention id no row has. */
const UNKNOWN_ID = 99_999_999;
const preventive = (status: InterventionStatus) => ({ type: InterventionType.preventive, status });

const managerProfile = () => seed.profileId("manager@acme.example", seed.acme.id);

describe("004 PATCH /interventions/v2/rs/{interventionId}/verify", () => {
  it("accepts done work: status 5, verifier, time and comment set, the verifier's notification read", async () => {
    const db = env.database.db;
    const id = await doneCheck();
    const mine = (await notificationsOf(db, id)).find((n) => n.recipientProfileId === managerProfile());
    expect(mine?.readAt).toBeNull();
    const data = await verified(await verify(id, { ...accept, notificationId: mine?.id }));
    expect(data).toMatchObject({
      id,
      status: InterventionStatus.accepted,
      verifiedAt: TEST_NOW.toISOString(),
      verifiedByUserId: seed.userId("manager@acme.example"),
      decisionComment: "Compliant, report received.",
    });
    expect(await interventionRow(db, id)).toMatchObject({
      status: InterventionStatus.accepted,
      verifiedByProfileId: managerProfile(),
    });
    const notified = await notificationsOf(db, id);
    expect(notified.find((n) => n.id === mine?.id)?.readAt).toEqual(TEST_NOW);
    const event = (await eventsOf(db, id)).at(-1);
    expect(event).toMatchObject({ action: "verified", actorProfileId: managerProfile() });
    expect(event?.changes).toMatchObject({
      status: { from: InterventionStatus.awaitingVerification, to: InterventionStatus.accepted },
      decisionComment: { to: accept.decisionComment },
    });
  });

  it("rejects done work (the documented example): status 6", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, preventive(InterventionStatus.awaitingVerification));
    const data = await verified(await verify(id, reject));
    expect(data).toMatchObject({ status: InterventionStatus.rejected, decisionComment: reject.decisionComment });
    expect(data.verifiedAt).toBe(TEST_NOW.toISOString());
  });

  it("verifies a done training exercise too", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, {
      type: InterventionType.trainingExercise,
      status: InterventionStatus.awaitingVerification,
    });
    expect((await verified(await verify(id, accept))).status).toBe(InterventionStatus.accepted);
  });

  it("refuses a second verification (409), changing nothing", async () => {
    const id = await doneCheck();
    await verified(await verify(id, accept));
    const before = await snapshot(env.database.db);
    await expectProblem(await verify(id, reject), 409, "INVALID_STATE");
    await expectProblem(await verify(id, accept), 409, "INVALID_STATE");
    expect(await snapshot(env.database.db)).toEqual(before);
    expect((await interventionRow(env.database.db, id)).status).toBe(InterventionStatus.accepted);
  });

  it("lets exactly one of two concurrent verifications win; the other gets 409", async () => {
    const db = env.database.db;
    const { id, anomalyIds } = await doneRepair();
    const admin = await env.credentialsFor("admin@acme.example");
    const responses = await Promise.all([verify(id, accept), verify(id, reject, admin)]);
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = responses.find((response) => response.status === 200);
    const loser = responses.find((response) => response.status === 409);
    const data = await verified(winner as Response);
    await expectProblem(loser as Response, 409, "INVALID_STATE");
    expect((await interventionRow(db, id)).status).toBe(data.status);
    expect((await eventsOf(db, id)).filter((event) => event.action === "verified")).toHaveLength(1);
    const settled = data.status === InterventionStatus.accepted ? AnomalyStatus.closed : AnomalyStatus.open;
    expect(await anomalyStatuses(db, anomalyIds)).toEqual([settled, settled]);
  });

  it("closes a curative's anomalies when accepted", async () => {
    const db = env.database.db;
    const { id, anomalyIds } = await doneRepair();
    expect(await anomalyStatuses(db, anomalyIds)).toEqual([AnomalyStatus.inRepair, AnomalyStatus.inRepair]);
    await verified(await verify(id, accept));
    expect(await anomalyStatuses(db, anomalyIds)).toEqual([AnomalyStatus.closed, AnomalyStatus.closed]);
  });

  it("reopens a curative's anomalies when rejected, so that another repair can take them", async () => {
    const db = env.database.db;
    const { id, anomalyIds } = await doneRepair();
    await verified(await verify(id, reject));
    expect(await anomalyStatuses(db, anomalyIds)).toEqual([AnomalyStatus.open, AnomalyStatus.open]);
    const again = await env.rest(
      jsonRequest("POST", PATHS.curative, manager, {
        scheduledStart: "2026-12-01T08:00:00Z",
        scheduledEnd: "2026-12-01T10:00:00Z",
        anomalyIds,
        creationStatus: CreationStatus.toScheduled,
      }),
    );
    expect(again.status).toBe(201);
    expect(await anomalyStatuses(db, anomalyIds)).toEqual([AnomalyStatus.inRepair, AnomalyStatus.inRepair]);
  });

  it("refuses another verifier's or an unknown notification (400), changing nothing", async () => {
    const db = env.database.db;
    const id = await doneCheck();
    const admin = seed.profileId("admin@acme.example", seed.acme.id);
    const theirs = (await notificationsOf(db, id)).find((n) => n.recipientProfileId === admin);
    expect(theirs).toBeDefined();
    const before = await snapshot(db);
    await expectValidation(await verify(id, { ...accept, notificationId: theirs?.id }), "notificationId");
    await expectValidation(await verify(id, { ...accept, notificationId: "notification-12345" }), "notificationId");
    expect(await snapshot(db)).toEqual(before);
    expect((await interventionRow(db, id)).status).toBe(InterventionStatus.awaitingVerification);
  });

  const S = InterventionStatus;
  const undecidable = [S.toSchedule, S.scheduled, S.inProgress, S.accepted, S.rejected, S.cancelled];
  it.each(undecidable)("refuses to verify an intervention in status %i (409)", async (status) => {
    const id = await freshIntervention(env.database.db, seed.acme, preventive(status));
    const before = await snapshot(env.database.db);
    await expectProblem(await verify(id, accept), 409, "INVALID_STATE");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("is for admins and managers only (403 for viewers and technicians)", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, preventive(InterventionStatus.awaitingVerification));
    const before = await snapshot(env.database.db);
    await expectProblem(await verify(id, accept, technician), 403, "FORBIDDEN");
    await expectProblem(await verify(id, accept, await env.credentialsFor("viewer@acme.example")), 403, "FORBIDDEN");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("answers 404 for an unknown id and 400 for one that is not an integer", async () => {
    await expectProblem(await verify(UNKNOWN_ID, accept), 404, "NOT_FOUND");
    await expectValidation(await verify("4x", accept), "interventionId");
  });

  const invalid: [string, unknown, string][] = [
    ["decision 3", { ...accept, decision: 3 }, "decision"],
    ["a string decision", { ...accept, decision: "1" }, "decision"],
    ["no decision", { decisionComment: "x" }, "decision"],
    ["no decisionComment", { decision: VerificationDecision.accept }, "decisionComment"],
    ["a decisionComment of 2501 characters", { ...accept, decisionComment: "x".repeat(2501) }, "decisionComment"],
    ["an empty notificationId", { ...accept, notificationId: "" }, "notificationId"],
    ["a numeric notificationId", { ...accept, notificationId: 12345 }, "notificationId"],
    ["an unknown field", { ...accept, verifiedAt: "2026-11-23T10:00:00Z" }, "verifiedAt"],
  ];
  it.each(invalid)("answers 400 VALIDATION_FAILED for %s, changing nothing", async (_case, payload, path) => {
    const id = await freshIntervention(env.database.db, seed.acme, preventive(InterventionStatus.awaitingVerification));
    const before = await snapshot(env.database.db);
    await expectValidation(await verify(id, payload), path);
    expect(await snapshot(env.database.db)).toEqual(before);
  });
});
