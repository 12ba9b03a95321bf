import { CreationStatus, InterventionStatus, InterventionType, VerificationDecision } from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  type ApiTestEnv,
  checkSiteRule,
  createApiTestEnv,
  expectProblem,
  expectValidation,
  freshIntervention,
  interventionRow,
  jsonRequest,
  LYCEE,
  loadSeed,
  notificationsOf,
  openAnomaly,
  PATHS,
  type SeedFixture,
  seededIntervention,
  snapshot,
} from "../../testing";

// Another organization's ids are refused on every endpoint: on a path as if they did not exist (404),
// in a body as unknown references (400), and nothing is written either way.

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

const accept = { decisionComment: "Compliant.", decision: VerificationDecision.accept };
/** An intervention id no row has: its 404 must read like the one of another organization's id. */
const UNKNOWN_ID = 987_654;
const T = InterventionType;
const S = InterventionStatus;

function unplanned(overrides: Record<string, unknown> = {}) {
  const pair = checkSiteRule(seed.acme);
  return {
    companyId: seed.acme.technicianCompanyId,
    siteIds: [pair.siteId],
    ruleIds: [pair.ruleId],
    signature: { name: "s.jpg", mimeType: "image/jpeg", size: 10 },
    provider: { firstName: "Karim", lastName: "Benali", email: "karim@example.fr" },
    ...overrides,
  };
}

async function curative(overrides: Record<string, unknown> = {}) {
  return {
    scheduledStart: "2026-12-01T08:00:00Z",
    scheduledEnd: "2026-12-01T10:00:00Z",
    anomalyIds: [await openAnomaly(env.database.db, seed.acme)],
    creationStatus: CreationStatus.toScheduled,
    ...overrides,
  };
}

/** The 404 body with the id taken out: it must not tell an existing id from a missing one. */
async function notFoundBody(response: Response, id: number) {
  const body = await expectProblem(response, 404, "NOT_FOUND");
  return { ...body, detail: body.detail.replace(String(id), "{id}") };
}

describe("another organization's intervention id on a path", () => {
  const cases: [string, InterventionType, InterventionStatus, (id: number) => string, unknown][] = [
    ["002 preventive", T.preventive, S.scheduled, PATHS.preventive, { description: "taken over" }],
    ["002 preventive, empty PATCH", T.preventive, S.toSchedule, PATHS.preventive, {}],
    ["003 training exercise", T.trainingExercise, S.scheduled, PATHS.trainingExercise, { validateIntervention: true }],
    ["004 verify a preventive", T.preventive, S.awaitingVerification, PATHS.verify, accept],
    ["004 verify a curative", T.curative, S.awaitingVerification, PATHS.verify, accept],
    ["004 verify a training exercise", T.trainingExercise, S.awaitingVerification, PATHS.verify, accept],
  ];
  it.each(cases)("%s: 404 with the body of an id that does not exist", async (_case, type, status, path, body) => {
    const db = env.database.db;
    const theirs = await seededIntervention(db, seed.lycee, { type, status });
    const before = await snapshot(db);
    const foreign = await notFoundBody(await env.rest(jsonRequest("PATCH", path(theirs), manager, body)), theirs);
    const missing = await notFoundBody(
      await env.rest(jsonRequest("PATCH", path(UNKNOWN_ID), manager, body)),
      UNKNOWN_ID,
    );
    expect(foreign).toEqual(missing);
    expect(await snapshot(db)).toEqual(before);
    expect((await interventionRow(db, theirs)).status).toBe(status);
  });

  it("works the other way round, and for a user who belongs to both organizations", async () => {
    const db = env.database.db;
    const ours = await seededIntervention(db, seed.acme, { type: T.preventive, status: S.awaitingVerification });
    const before = await snapshot(db);
    const lyceeManager = await env.credentialsFor("manager@lycee-hugo.example");
    await expectProblem(
      await env.rest(jsonRequest("PATCH", PATHS.verify(ours), lyceeManager, accept)),
      404,
      "NOT_FOUND",
    );
    // The consultant manages both, but a request acts in the API key's organization only.
    const consultantInLycee = await env.credentialsFor("consultant@safety.example", LYCEE);
    const response = await env.rest(jsonRequest("PATCH", PATHS.verify(ours), consultantInLycee, accept));
    await expectProblem(response, 404, "NOT_FOUND");
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("another organization's ids in a body", () => {
  type Case = [string, () => Promise<Request>, string];
  const lycee = () => seed.lycee;
  const lyceeContact = () => lycee().contacts[0]?.id;
  const lyceeUser = () => seed.userId("manager@lycee-hugo.example");
  const post = (path: string, body: unknown, headers = manager) => jsonRequest("POST", path, headers, body);
  const preventive = async (body: unknown) =>
    jsonRequest(
      "PATCH",
      PATHS.preventive(
        await freshIntervention(env.database.db, seed.acme, { type: T.preventive, status: S.scheduled }),
      ),
      manager,
      body,
    );
  const drill = async (body: unknown) =>
    jsonRequest(
      "PATCH",
      PATHS.trainingExercise(
        await freshIntervention(env.database.db, seed.acme, { type: T.trainingExercise, status: S.scheduled }),
      ),
      manager,
      body,
    );
  const cases: Case[] = [
    [
      "000 companyId",
      async () => post(PATHS.unplanned, unplanned({ companyId: lycee().technicianCompanyId })),
      "companyId",
    ],
    [
      "000 companyId, by a technician",
      async () => post(PATHS.unplanned, unplanned({ companyId: lycee().technicianCompanyId }), technician),
      "companyId",
    ],
    ["000 siteIds", async () => post(PATHS.unplanned, unplanned({ siteIds: [lycee().siteIds[0]] })), "siteIds.0"],
    ["000 ruleIds", async () => post(PATHS.unplanned, unplanned({ ruleIds: [lycee().checkRuleIds[0]] })), "ruleIds.0"],
    [
      "001 anomalyIds",
      async () => post(PATHS.curative, await curative({ anomalyIds: [await openAnomaly(env.database.db, lycee())] })),
      "anomalyIds.0",
    ],
    [
      "001 assignedCompanyContactId",
      async () => post(PATHS.curative, await curative({ assignedCompanyContactId: lyceeContact() })),
      "assignedCompanyContactId",
    ],
    [
      "001 assignedUserId",
      async () => post(PATHS.curative, await curative({ assignedUserId: lyceeUser() })),
      "assignedUserId",
    ],
    ["002 siteRuleIds", () => preventive({ siteRuleIds: [checkSiteRule(lycee()).id] }), "siteRuleIds.0"],
    [
      "002 assignedCompanyContactId",
      () => preventive({ assignedCompanyContactId: lyceeContact() }),
      "assignedCompanyContactId",
    ],
    [
      "002 assignedProfileId",
      () => preventive({ assignedProfileId: seed.profileId("manager@lycee-hugo.example", lycee().id) }),
      "assignedProfileId",
    ],
    [
      "002 the shared user's other profile",
      () => preventive({ assignedProfileId: seed.profileId("consultant@safety.example", lycee().id) }),
      "assignedProfileId",
    ],
    ["003 ruleId", () => drill({ ruleId: lycee().exerciseRuleIds[0] }), "ruleId"],
    ["003 siteIds", () => drill({ siteIds: [lycee().siteIds[0]] }), "siteIds.0"],
    ["003 assignedUserId", () => drill({ assignedUserId: lyceeUser() }), "assignedUserId"],
    [
      "003 assignedCompanyContactId",
      () => drill({ assignedCompanyContactId: lyceeContact() }),
      "assignedCompanyContactId",
    ],
  ];
  it.each(cases)("%s: 400 naming the field, nothing written", async (_case, request, path) => {
    const prepared = await request();
    const before = await snapshot(env.database.db);
    await expectValidation(await env.rest(prepared), path);
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("004 notificationId: a notification of the same user in the other organization is refused (400)", async () => {
    const db = env.database.db;
    const lyceeTechnician = await env.credentialsFor("technician@lycee-hugo.example");
    const pair = checkSiteRule(seed.lycee);
    const theirCheck = await env.rest(
      post(
        PATHS.unplanned,
        unplanned({ companyId: seed.lycee.technicianCompanyId, siteIds: [pair.siteId], ruleIds: [pair.ruleId] }),
        lyceeTechnician,
      ),
    );
    expect(theirCheck.status).toBe(201);
    const consultantInLycee = seed.profileId("consultant@safety.example", seed.lycee.id);
    const theirs = (await notificationsOf(db, (await theirCheck.json()).data.id)).find(
      (n) => n.recipientProfileId === consultantInLycee,
    );
    expect(theirs).toBeDefined();
    const ours = await env.rest(post(PATHS.unplanned, unplanned(), technician));
    const oursId = (await ours.json()).data.id as number;

    const consultant = await env.credentialsFor("consultant@safety.example", ACME);
    const before = await snapshot(db);
    const response = await env.rest(
      jsonRequest("PATCH", PATHS.verify(oursId), consultant, { ...accept, notificationId: theirs?.id }),
    );
    await expectValidation(response, "notificationId");
    expect(await snapshot(db)).toEqual(before);
  });
});
