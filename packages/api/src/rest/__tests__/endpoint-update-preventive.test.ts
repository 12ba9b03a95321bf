import { interventionSiteRules, interventionSites } from "@interventions/db";
import {
  CreationStatus,
  InterventionStatus,
  InterventionType,
  interventionProfileShapedSchema,
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
  notificationsOf,
  outboxOf,
  PATHS,
  type SeedFixture,
  seededIntervention,
  snapshot,
} from "../../testing";

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
});
afterAll(async () => {
  await env.close();
});

const patch = (id: number | string, payload: unknown, headers = manager) =>
  env.rest(jsonRequest("PATCH", PATHS.preventive(id), headers, payload));
/** A fresh copy of the seeded preventive in that status (scheduled by default). */
const target = (status: InterventionStatus = InterventionStatus.scheduled) =>
  freshIntervention(env.database.db, seed.acme, { type: InterventionType.preventive, status });
/** Ids no row has: an intervention on the path, a reference in the body. */
const UNKNOWN_INTERVENTION_ID = 99_999_999;
const UNKNOWN_ID = 999_999;

async function updated(response: Response) {
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(200);
  expect(Object.keys(json)).toEqual(["data"]);
  expectIsoDates(json.data);
  expect(Object.keys(json.data)).toHaveLength(Object.keys(interventionProfileShapedSchema.shape).length);
  return interventionProfileShapedSchema.strict().parse(json.data);
}

describe("002 PATCH /interventions/v2/rs/preventive/{interventionId}", () => {
  it("re-plans a scheduled check, answers in the profile shape, records one event and e-mails the previous assignee", async () => {
    const db = env.database.db;
    const id = await target();
    const before = await interventionRow(db, id);
    const eventsBefore = (await eventsOf(db, id)).length;
    const siteRuleIds = seed.acme.siteRules.filter(
      (sr) => sr.siteId === seed.acme.siteIds[0] && sr.kind === RuleKind.check,
    );
    const previousContact = seed.acme.contacts.find((c) => c.id === before.assignedCompanyContactId);
    const newContact = seed.acme.contacts.find((c) => c.companyId !== previousContact?.companyId);
    const managerProfile = seed.profileId("manager@acme.example", seed.acme.id);
    const data = await updated(
      await patch(id, {
        description: "Description of the intervention",
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        siteRuleIds: siteRuleIds.map((sr) => sr.id),
        creationStatus: CreationStatus.scheduled,
        assignedCompanyContactId: newContact?.id,
        assignedProfileId: managerProfile,
        sendUpdateEmailToCurrentAssignee: false,
        previousAssigneeNotification: { sendEmail: true, reason: "The intervention details have changed." },
      }),
    );
    expect(data).toMatchObject({
      id,
      type: InterventionType.preventive,
      status: InterventionStatus.scheduled,
      creationStatus: CreationStatus.scheduled,
      codePin: before.codePin,
      description: "Description of the intervention",
      scheduledStart: "2026-12-01T12:34:56.000Z",
      scheduledEnd: "2026-12-05T14:56:23.000Z",
      assignedCompanyContactId: newContact?.id,
      assignedProfileId: managerProfile,
      companyId: newContact?.companyId,
      createdById: before.createdByProfileId,
      verifiedById: null,
      checkType: before.checkType,
      deletedAt: null,
      organizationId: seed.acme.id,
    });
    const links = await db.select().from(interventionSiteRules).where(eq(interventionSiteRules.interventionId, id));
    expect(links.map((l) => l.siteRuleId).sort()).toEqual(siteRuleIds.map((sr) => sr.id).sort());
    const sites = await db.select().from(interventionSites).where(eq(interventionSites.interventionId, id));
    expect(sites.map((s) => s.siteId)).toEqual([seed.acme.siteIds[0]]);
    // Sites and start changed in one request: the new links carry the new start (the list by site reads it).
    expect(sites.map((s) => s.scheduledStart.toISOString())).toEqual(["2026-12-01T12:34:56.000Z"]);

    const events = await eventsOf(db, id);
    expect(events).toHaveLength(eventsBefore + 1);
    const event = events.at(-1);
    expect(event).toMatchObject({ action: "updated", actorProfileId: managerProfile });
    expect(Object.keys(event?.changes ?? {})).toEqual(
      expect.arrayContaining(["description", "scheduledStart", "scheduledEnd", "siteRuleIds", "assignedProfileId"]),
    );
    expect(event?.changes.description).toEqual({ from: before.description, to: "Description of the intervention" });
    expect(event?.changes.assignedCompanyContactId).toEqual({ from: previousContact?.id, to: newContact?.id });
    expect(event?.changes).not.toHaveProperty("codePin");

    // The previous contact hears why; the new contact hears of the assignment; the manager, who did it, nothing.
    const emails = await outboxOf(db, id);
    expect(emails.map((e) => [e.kind, e.recipientEmail])).toEqual([
      ["unassigned", previousContact?.email],
      ["assigned", newContact?.email],
    ]);
    expect(emails[0]?.payload).toMatchObject({ reason: "The intervention details have changed." });
  });

  it("changes nothing and records nothing for an empty PATCH, or one repeating current values", async () => {
    const db = env.database.db;
    const id = await target();
    const before = await snapshot(db);
    const empty = await updated(await patch(id, {}));
    const row = await interventionRow(db, id);
    expect(empty).toMatchObject({ id, status: row.status, description: row.description });
    expect(empty.updatedAt).toBe(row.updatedAt.toISOString());
    await updated(await patch(id, { description: row.description ?? "", creationStatus: row.creationStatus }));
    expect(await snapshot(db)).toEqual(before);
  });

  it("is for preventive interventions only: a training exercise, a curative or an unknown id is 404", async () => {
    const db = env.database.db;
    const before = await snapshot(db);
    const scheduled = InterventionStatus.scheduled;
    const drill = await seededIntervention(db, seed.acme, {
      type: InterventionType.trainingExercise,
      status: scheduled,
    });
    const curative = await seededIntervention(db, seed.acme, { type: InterventionType.curative, status: scheduled });
    for (const id of [drill, curative, UNKNOWN_INTERVENTION_ID]) {
      const problem = await expectProblem(await patch(id, { description: "x" }), 404, "NOT_FOUND");
      expect(problem.detail).toBe(`Intervention ${id} not found`);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  const S = InterventionStatus;
  const unplannable = [S.inProgress, S.awaitingVerification, S.accepted, S.rejected, S.cancelled];
  it.each(unplannable)("refuses to update a preventive in status %i (409), writing nothing", async (status) => {
    const id = await target(status);
    const before = await snapshot(env.database.db);
    await expectProblem(await patch(id, { description: "too late" }), 409, "INVALID_STATE");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("scheduling (creationStatus 1) issues a 6-digit code PIN", async () => {
    const toSchedule = await target(InterventionStatus.toSchedule);
    const scheduled = await updated(await patch(toSchedule, { creationStatus: CreationStatus.scheduled }));
    expect(scheduled.status).toBe(InterventionStatus.scheduled);
    expect(scheduled.codePin).toBeGreaterThanOrEqual(100000);
    expect(scheduled.codePin).toBeLessThanOrEqual(999999);
  });

  it("un-scheduling (creationStatus 0) leaves no code PIN, as status 1 never has one", async () => {
    const scheduled = await target(InterventionStatus.scheduled);
    const unscheduled = await updated(await patch(scheduled, { creationStatus: CreationStatus.toScheduled }));
    expect(unscheduled.status).toBe(InterventionStatus.toSchedule);
    // The PIN it was given when scheduled is withdrawn.
    expect(unscheduled.codePin).toBeNull();
  });

  it("marks it done with creationStatus 2 (status 4) and tells the verifiers", async () => {
    const id = await target();
    const data = await updated(await patch(id, { creationStatus: CreationStatus.done }));
    expect(data).toMatchObject({
      status: InterventionStatus.awaitingVerification,
      creationStatus: CreationStatus.done,
    });
    const notified = await notificationsOf(env.database.db, id);
    expect(notified.map((n) => n.recipientProfileId)).toEqual(seed.acme.verifierProfileIds);
  });

  it("e-mails the current assignees on request, and the previous one only when it changed", async () => {
    const db = env.database.db;
    const id = await target();
    const { assignedCompanyContactId } = await interventionRow(db, id);
    const contact = seed.acme.contacts.find((c) => c.id === assignedCompanyContactId);
    const admin = seed.profileId("admin@acme.example", seed.acme.id);
    const notice = { sendEmail: true, reason: "Reassigned to the manager." };
    // No previous profile: nobody to tell; the new profile hears "assigned", the contact who stays "updated".
    await updated(await patch(id, { assignedProfileId: admin, sendUpdateEmailToCurrentAssignee: true }));
    let emails = await outboxOf(db, id);
    expect(emails.map((e) => [e.kind, e.recipientEmail])).toEqual([
      ["assigned", "admin@acme.example"],
      ["updated", contact?.email],
    ]);
    expect(emails[1]?.payload).toMatchObject({ fields: ["assignedProfileId"] });
    // The assignee does not change: no "unassigned" e-mail, even when asked.
    await updated(await patch(id, { description: "New description", previousAssigneeNotification: notice }));
    expect(await outboxOf(db, id)).toHaveLength(2);
    // Asked, with a change of assignee: one e-mail to the previous one, with the reason (the new assignee
    // is the manager making the change: not told of their own action).
    const manager2 = seed.profileId("manager@acme.example", seed.acme.id);
    await updated(await patch(id, { assignedProfileId: manager2, previousAssigneeNotification: notice }));
    emails = await outboxOf(db, id);
    expect(emails).toHaveLength(3);
    expect(emails[2]).toMatchObject({ kind: "unassigned", recipientEmail: "admin@acme.example" });
    expect(emails[2]?.payload).toMatchObject({ reason: "Reassigned to the manager." });
    // Not asked: no e-mail to the previous one; the new one is told of the assignment.
    const owner = seed.profileId("consultant@safety.example", seed.acme.id);
    await updated(await patch(id, { assignedProfileId: owner, previousAssigneeNotification: { sendEmail: false } }));
    emails = await outboxOf(db, id);
    expect(emails.slice(3).map((e) => [e.kind, e.recipientEmail])).toEqual([["assigned", "consultant@safety.example"]]);
  });

  it("refuses site rules of exercise rules or unknown ones, and a start after the end (400), writing nothing", async () => {
    const id = await target();
    const before = await snapshot(env.database.db);
    const check = seed.acme.siteRules.find((sr) => sr.kind === RuleKind.check);
    const exercise = seed.acme.siteRules.find((sr) => sr.kind === RuleKind.exercise);
    await expectValidation(await patch(id, { siteRuleIds: [check?.id, exercise?.id] }), "siteRuleIds.1");
    await expectValidation(await patch(id, { siteRuleIds: [check?.id, UNKNOWN_ID] }), "siteRuleIds.1");
    await expectValidation(await patch(id, { assignedCompanyContactId: UNKNOWN_ID }), "assignedCompanyContactId");
    await expectValidation(await patch(id, { assignedProfileId: UNKNOWN_ID }), "assignedProfileId");
    await expectValidation(await patch(id, { scheduledStart: "2030-01-01T00:00:00Z" }), "scheduledEnd");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("is for admins and managers only (403 for viewers and technicians)", async () => {
    const id = await target();
    const before = await snapshot(env.database.db);
    for (const email of ["viewer@acme.example", "technician@acme.example"]) {
      await expectProblem(await patch(id, { description: "x" }, await env.credentialsFor(email)), 403, "FORBIDDEN");
    }
    expect(await snapshot(env.database.db)).toEqual(before);
    await updated(await patch(id, { description: "by the admin" }, await env.credentialsFor("admin@acme.example")));
  });

  const NOTICE = "previousAssigneeNotification";
  const invalid: [string, unknown, string][] = [
    ["a description of 2501 characters", { description: "x".repeat(2501) }, "description"],
    ["empty siteRuleIds", { siteRuleIds: [] }, "siteRuleIds"],
    ["an unknown field", { status: InterventionStatus.accepted }, "status"],
    ["the dashboard's unassign (not in the documented body)", { unassign: true }, "unassign"],
    [
      "the dashboard's replaceAssignee (not in the documented body)",
      { assignedProfileId: 2, replaceAssignee: true },
      "replaceAssignee",
    ],
    ["an impossible date", { scheduledStart: "2025-02-29T00:00Z" }, "scheduledStart"],
    [
      "an end before the start",
      { scheduledStart: "2026-12-02T00:00Z", scheduledEnd: "2026-12-01T00:00Z" },
      "scheduledEnd",
    ],
    ["creationStatus 5", { creationStatus: 5 }, "creationStatus"],
    ["a string profile id", { assignedProfileId: "2" }, "assignedProfileId"],
    ["a non-boolean e-mail flag", { sendUpdateEmailToCurrentAssignee: "yes" }, "sendUpdateEmailToCurrentAssignee"],
    ["a notice without sendEmail", { [NOTICE]: { reason: "x" } }, `${NOTICE}.sendEmail`],
    ["a reason of 5001 characters", { [NOTICE]: { sendEmail: true, reason: "x".repeat(5001) } }, `${NOTICE}.reason`],
    ["an array body", [{ description: "x" }], ""],
  ];
  it.each(invalid)("answers 400 VALIDATION_FAILED for %s, writing nothing", async (_case, payload, path) => {
    const id = await target();
    const before = await snapshot(env.database.db);
    await expectValidation(await patch(id, payload), path);
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("answers 400 for an id that is not an integer, writing nothing", async () => {
    const before = await snapshot(env.database.db);
    await expectValidation(await patch("abc", { description: "x" }), "interventionId");
    await expectValidation(await patch("1.5", { description: "x" }), "interventionId");
    expect(await snapshot(env.database.db)).toEqual(before);
  });
});
