import { interventionSites, rules, siteRules } from "@interventions/db";
import {
  CreationStatus,
  InterventionStatus,
  InterventionType,
  interventionUserShapedSchema,
  RuleKind,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  eventsOf,
  expectIsoDates,
  expectProblem,
  expectValidation,
  freshIntervention,
  interventionRow,
  jsonRequest,
  loadSeed,
  must,
  notificationsOf,
  PATHS,
  type SeedFixture,
  seededIntervention,
  snapshot,
  TEST_NOW,
} from "../../testing";

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;
/** A second exercise rule of the organization that applies to its first site only. */
let narrowRuleId: number;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  const db = env.database.db;
  const [rule] = await db
    .insert(rules)
    .values({
      organizationId: seed.acme.id,
      code: "FIRSTAID",
      name: "First aid drill",
      kind: RuleKind.exercise,
      periodicityMonths: 12,
    })
    .returning({ id: rules.id });
  narrowRuleId = must(rule, "rule").id;
  await db.insert(siteRules).values({ organizationId: seed.acme.id, siteId: site(0), ruleId: narrowRuleId });
});
afterAll(async () => {
  await env.close();
});

const site = (index: number) => must(seed.acme.siteIds[index], `site ${index}`);
const patch = (id: number | string, payload: unknown, headers = manager) =>
  env.rest(jsonRequest("PATCH", PATHS.trainingExercise(id), headers, payload));
/** A fresh copy of the seeded training exercise in that status (scheduled by default). */
const target = (status: InterventionStatus = InterventionStatus.scheduled) =>
  freshIntervention(env.database.db, seed.acme, { type: InterventionType.trainingExercise, status });
/** Ids no row has: an intervention on the path, a reference in the body. */
const UNKNOWN_INTERVENTION_ID = 99_999_999;
const UNKNOWN_ID = 999_999;
const siteIdsOf = async (id: number) =>
  (await env.database.db.select().from(interventionSites).where(eq(interventionSites.interventionId, id)))
    .map((row) => row.siteId)
    .sort((a, b) => a - b);

async function updated(response: Response) {
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(200);
  expect(Object.keys(json)).toEqual(["data"]);
  expectIsoDates(json.data);
  return interventionUserShapedSchema.strict().parse(json.data);
}

describe("003 PATCH /interventions/v2/rs/training-exercise/{interventionId}", () => {
  it("re-plans a scheduled drill: the documented example, answered in the user shape", async () => {
    const db = env.database.db;
    const id = await target();
    const eventsBefore = (await eventsOf(db, id)).length;
    const contact = seed.acme.contacts[1];
    const data = await updated(
      await patch(id, {
        description: "Description of the intervention",
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        ruleId: seed.acme.exerciseRuleIds[0],
        siteIds: [site(1), site(2), site(1)],
        creationStatus: CreationStatus.scheduled,
        assignedCompanyContactId: contact?.id,
        assignedUserId: seed.userId("admin@acme.example"),
      }),
    );
    expect(data).toMatchObject({
      id,
      type: InterventionType.trainingExercise,
      status: InterventionStatus.scheduled,
      creationStatus: CreationStatus.scheduled,
      description: "Description of the intervention",
      scheduledStart: "2026-12-01T12:34:56.000Z",
      scheduledEnd: "2026-12-05T14:56:23.000Z",
      assignedCompanyContactId: contact?.id,
      assignedUserId: seed.userId("admin@acme.example"),
      verifiedAt: null,
      organizationId: seed.acme.id,
    });
    expect(await siteIdsOf(id)).toEqual([site(1), site(2)]);
    const events = await eventsOf(db, id);
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)?.action).toBe("updated");
    expect(Object.keys(events.at(-1)?.changes ?? {})).toEqual(
      expect.arrayContaining(["description", "siteIds", "assignedProfileId", "assignedCompanyContactId"]),
    );
  });

  it("changes the drill's rule to another exercise rule that applies to its sites", async () => {
    const id = await target();
    await updated(await patch(id, { ruleId: narrowRuleId, siteIds: [site(0)] }));
    expect((await interventionRow(env.database.db, id)).ruleId).toBe(narrowRuleId);
    // On two sites, the narrow rule alone no longer fits: the sites it misses are named.
    const wide = await target();
    await updated(await patch(wide, { siteIds: [site(0), site(1)] }));
    const before = await snapshot(env.database.db);
    await expectValidation(await patch(wide, { ruleId: narrowRuleId }), "ruleId");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("validates a drill: done (status 4), validatedAt set, verifiers told", async () => {
    const db = env.database.db;
    const id = await target();
    const data = await updated(await patch(id, { validateIntervention: true }));
    expect(data).toMatchObject({
      status: InterventionStatus.awaitingVerification,
      creationStatus: CreationStatus.done,
      actualEnd: TEST_NOW.toISOString(),
    });
    expect(data.actualStart).not.toBeNull();
    expect((await interventionRow(db, id)).validatedAt).toEqual(TEST_NOW);
    const notified = await notificationsOf(db, id);
    expect(notified.map((n) => n.recipientProfileId)).toEqual(seed.acme.verifierProfileIds);
    expect((await eventsOf(db, id)).at(-1)?.changes).toMatchObject({
      status: { from: InterventionStatus.scheduled, to: InterventionStatus.awaitingVerification },
    });
    // Validating with creationStatus 2 says the same thing twice, and is accepted.
    const toSchedule = await target(InterventionStatus.toSchedule);
    const other = await updated(
      await patch(toSchedule, { validateIntervention: true, creationStatus: CreationStatus.done }),
    );
    expect(other.status).toBe(InterventionStatus.awaitingVerification);
  });

  it("refuses validation with another creationStatus, rules that are not exercise rules or do not apply to the sites", async () => {
    const id = await target();
    const before = await snapshot(env.database.db);
    await expectValidation(
      await patch(id, { validateIntervention: true, creationStatus: CreationStatus.toScheduled }),
      "creationStatus",
    );
    await expectValidation(await patch(id, { ruleId: seed.acme.checkRuleIds[0] }), "ruleId");
    await expectValidation(await patch(id, { ruleId: UNKNOWN_ID }), "ruleId");
    await expectValidation(await patch(id, { ruleId: narrowRuleId, siteIds: [site(0), site(1)] }), "siteIds.1");
    await expectValidation(await patch(id, { siteIds: [site(0), UNKNOWN_ID] }), "siteIds.1");
    await expectValidation(await patch(id, { assignedUserId: UNKNOWN_ID }), "assignedUserId");
    await expectValidation(await patch(id, { assignedCompanyContactId: UNKNOWN_ID }), "assignedCompanyContactId");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("is for training exercises only: a preventive, a curative or an unknown id is 404", async () => {
    const db = env.database.db;
    const before = await snapshot(db);
    const scheduled = InterventionStatus.scheduled;
    const preventive = await seededIntervention(db, seed.acme, {
      type: InterventionType.preventive,
      status: scheduled,
    });
    const curative = await seededIntervention(db, seed.acme, { type: InterventionType.curative, status: scheduled });
    for (const id of [preventive, curative, UNKNOWN_INTERVENTION_ID]) {
      await expectProblem(await patch(id, { validateIntervention: true }), 404, "NOT_FOUND");
    }
    expect(await snapshot(db)).toEqual(before);
  });

  const S = InterventionStatus;
  const unplannable = [S.inProgress, S.awaitingVerification, S.accepted, S.rejected, S.cancelled];
  it.each(unplannable)("refuses to update a drill in status %i (409), writing nothing", async (status) => {
    const id = await target(status);
    const before = await snapshot(env.database.db);
    await expectProblem(await patch(id, { validateIntervention: true }), 409, "INVALID_STATE");
    await expectProblem(await patch(id, { description: "late" }), 409, "INVALID_STATE");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("changes nothing and records nothing for an empty PATCH or validateIntervention false", async () => {
    const id = await target();
    const before = await snapshot(env.database.db);
    expect((await updated(await patch(id, {}))).status).toBe(InterventionStatus.scheduled);
    expect((await updated(await patch(id, { validateIntervention: false }))).status).toBe(InterventionStatus.scheduled);
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("scheduling (creationStatus 1) issues a 6-digit code PIN", async () => {
    const toSchedule = await target(InterventionStatus.toSchedule);
    const data = await updated(await patch(toSchedule, { creationStatus: CreationStatus.scheduled }));
    expect(data.status).toBe(InterventionStatus.scheduled);
    expect(data.codePin).toBeGreaterThanOrEqual(100000);
    expect(data.codePin).toBeLessThanOrEqual(999999);
  });

  it("un-scheduling (creationStatus 0) leaves no code PIN, as status 1 never has one", async () => {
    const scheduled = await target(InterventionStatus.scheduled);
    const data = await updated(await patch(scheduled, { creationStatus: CreationStatus.toScheduled }));
    expect(data.status).toBe(InterventionStatus.toSchedule);
    // The PIN it was given when scheduled is withdrawn.
    expect(data.codePin).toBeNull();
  });

  it("is for admins and managers only (403 for viewers and technicians)", async () => {
    const id = await target();
    const before = await snapshot(env.database.db);
    for (const email of ["viewer@acme.example", "technician@acme.example"]) {
      const response = await patch(id, { validateIntervention: true }, await env.credentialsFor(email));
      await expectProblem(response, 403, "FORBIDDEN");
    }
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  const invalid: [string, unknown, string][] = [
    ["a string ruleId", { ruleId: "1" }, "ruleId"],
    ["empty siteIds", { siteIds: [] }, "siteIds"],
    ["a description of 2501 characters", { description: "x".repeat(2501) }, "description"],
    ["an unknown field", { attendeeCount: 12 }, "attendeeCount"],
    ["the dashboard's unassign (not in the documented body)", { unassign: true }, "unassign"],
    [
      "the dashboard's replaceAssignee (not in the documented body)",
      { assignedUserId: 2, replaceAssignee: true },
      "replaceAssignee",
    ],
    ["an impossible date", { scheduledEnd: "2025-02-29T00:00Z" }, "scheduledEnd"],
    [
      "scheduledEnd before scheduledStart",
      { scheduledStart: "2026-12-02T00:00Z", scheduledEnd: "2026-12-01T00:00Z" },
      "scheduledEnd",
    ],
    ["a non-boolean validateIntervention", { validateIntervention: "true" }, "validateIntervention"],
    ["creationStatus -1", { creationStatus: -1 }, "creationStatus"],
    ["a null body", null, ""],
  ];
  it.each(invalid)("answers 400 VALIDATION_FAILED for %s, writing nothing", async (_case, payload, path) => {
    const id = await target();
    const before = await snapshot(env.database.db);
    await expectValidation(await patch(id, payload), path);
    expect(await snapshot(env.database.db)).toEqual(before);
  });
});
