import { anomalies, interventionAnomalies, interventionSites, interventions } from "@interventions/db";
import {
  AnomalySeverity,
  AnomalyStatus,
  CreationStatus,
  InterventionStatus,
  InterventionType,
  interventionUserShapedSchema,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  anomalyStatuses,
  createApiTestEnv,
  eventsOf,
  expectIsoDates,
  expectProblem,
  expectValidation,
  interventionRow,
  jsonRequest,
  loadSeed,
  notificationsOf,
  openAnomaly,
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

/** An id no anomaly, contact or user has. */
const UNKNOWN_ID = 999_999;
const contactId = () => seed.acme.contacts[0]?.id;

function body(anomalyIds: number[], overrides: Record<string, unknown> = {}) {
  return {
    scheduledStart: "2026-12-01T12:34:56.000Z",
    scheduledEnd: "2026-12-05T14:56:23.000Z",
    anomalyIds,
    creationStatus: CreationStatus.toScheduled,
    description: "Description of the intervention",
    assignedCompanyContactId: contactId(),
    assignedUserId: seed.userId("manager@acme.example"),
    ...overrides,
  };
}

const post = (headers: Record<string, string>, payload: unknown) =>
  env.rest(jsonRequest("POST", PATHS.curative, headers, payload));

async function created(response: Response) {
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(201);
  expect(Object.keys(json)).toEqual(["data"]);
  return interventionUserShapedSchema.strict().parse(json.data);
}

describe("001 POST /interventions/v2/rs/curative", () => {
  it.each([
    ["scheduled, with its code PIN", CreationStatus.scheduled],
    ["recorded done", CreationStatus.done],
  ])("answers, %s, exactly what a read of it gives (the answer is not read back)", async (_, creationStatus) => {
    const ids = [await openAnomaly(env.database.db, seed.acme, 2)];
    const answer = await created(await post(manager, body(ids, { creationStatus })));
    const read = await env.rest(jsonRequest("GET", `/interventions/v2/rs/${answer.id}`, manager));
    expect(read.status).toBe(200);
    expect((await read.json()).data).toEqual(answer);
  });

  it("creates a curative to schedule that holds its anomalies, with every documented field", async () => {
    const db = env.database.db;
    const ids = [await openAnomaly(db, seed.acme, 0), await openAnomaly(db, seed.acme, 1)];
    const response = await post(manager, body(ids));
    const json = await response.clone().json();
    const data = await created(response);
    expectIsoDates(json.data);
    expect(data).toMatchObject({
      type: InterventionType.curative,
      status: InterventionStatus.toSchedule,
      creationStatus: CreationStatus.toScheduled,
      codePin: null,
      autoCreated: false,
      description: "Description of the intervention",
      scheduledStart: "2026-12-01T12:34:56.000Z",
      scheduledEnd: "2026-12-05T14:56:23.000Z",
      actualStart: null,
      actualEnd: null,
      imgSignature: null,
      assignedCompanyContactId: contactId(),
      assignedUserId: seed.userId("manager@acme.example"),
      createdByUserId: seed.userId("manager@acme.example"),
      verifiedByUserId: null,
      attendeeCount: null,
      organizationId: seed.acme.id,
    });
    expect(await anomalyStatuses(db, ids)).toEqual([AnomalyStatus.inRepair, AnomalyStatus.inRepair]);
    const links = await db
      .select()
      .from(interventionAnomalies)
      .where(eq(interventionAnomalies.interventionId, data.id));
    expect(links.map((link) => link.anomalyId).sort()).toEqual([...ids].sort());
    const sites = await db.select().from(interventionSites).where(eq(interventionSites.interventionId, data.id));
    expect(sites.map((site) => site.siteId).sort()).toEqual([seed.acme.siteIds[0], seed.acme.siteIds[1]].sort());
    expect((await eventsOf(db, data.id)).map((event) => event.action)).toEqual(["created"]);
    // Not done: no verifier is asked to verify. The contact hears of the assignment; the manager, who
    // assigned themselves, does not.
    const verifications = (await notificationsOf(db, data.id)).filter((n) => n.kind === "awaitingVerification");
    expect(verifications).toEqual([]);
    const emails = await outboxOf(db, data.id);
    expect(emails.map((e) => [e.kind, e.recipientEmail])).toEqual([["assigned", seed.acme.contacts[0]?.email]]);
    // The company follows the assigned contact.
    expect((await interventionRow(db, data.id)).companyId).toBe(seed.acme.contacts[0]?.companyId);
  });

  it("gives a scheduled curative a 6-digit code PIN and accepts datetimes without seconds", async () => {
    const db = env.database.db;
    const pins: number[] = [];
    for (let i = 0; i < 3; i++) {
      const anomaly = await openAnomaly(db, seed.acme);
      const payload = body([anomaly], {
        creationStatus: CreationStatus.scheduled,
        scheduledStart: "2026-12-01T12:34Z",
      });
      const data = await created(await post(manager, payload));
      expect(data).toMatchObject({
        status: InterventionStatus.scheduled,
        creationStatus: CreationStatus.scheduled,
        scheduledStart: "2026-12-01T12:34:00.000Z",
      });
      expect(data.codePin).toBeGreaterThanOrEqual(100000);
      expect(data.codePin).toBeLessThanOrEqual(999999);
      expect((await interventionRow(db, data.id)).codePin).toBe(data.codePin);
      pins.push(data.codePin ?? 0);
    }
    expect(new Set(pins).size).toBeGreaterThan(1);
  });

  it("creates a done curative awaiting verification and tells the verifiers", async () => {
    const db = env.database.db;
    const anomaly = await openAnomaly(db, seed.acme);
    const data = await created(await post(manager, body([anomaly], { creationStatus: CreationStatus.done })));
    expect(data).toMatchObject({
      status: InterventionStatus.awaitingVerification,
      creationStatus: CreationStatus.done,
      codePin: null,
    });
    const notified = (await notificationsOf(db, data.id)).filter((n) => n.kind === "awaitingVerification");
    expect(notified.map((n) => n.recipientProfileId)).toEqual(seed.acme.verifierProfileIds);
  });

  it("accepts scheduledEnd equal to scheduledStart, optional fields left out (null)", async () => {
    const anomaly = await openAnomaly(env.database.db, seed.acme);
    const payload = {
      scheduledStart: "2026-12-01T12:00:00Z",
      scheduledEnd: "2026-12-01T12:00:00Z",
      anomalyIds: [anomaly, anomaly],
      creationStatus: CreationStatus.toScheduled,
    };
    const data = await created(await post(manager, payload));
    expect(data).toMatchObject({ description: null, assignedCompanyContactId: null, assignedUserId: null });
  });

  it("refuses anomalies under another undecided curative, or closed (409 INVALID_STATE), writing nothing", async () => {
    const db = env.database.db;
    const held = await openAnomaly(db, seed.acme);
    await created(await post(manager, body([held])));
    const [closed] = await db
      .select({ id: anomalies.id })
      .from(anomalies)
      .where(eq(anomalies.status, AnomalyStatus.closed));
    const fresh = await openAnomaly(db, seed.acme);
    const before = await snapshot(db);
    const busy = await expectProblem(await post(manager, body([fresh, held])), 409, "INVALID_STATE");
    expect(busy.errors?.[0]?.path).toBe("anomalyIds.1");
    const done = await expectProblem(await post(manager, body([closed?.id ?? UNKNOWN_ID])), 409, "INVALID_STATE");
    expect(done.errors?.[0]?.path).toBe("anomalyIds.0");
    expect(await snapshot(db)).toEqual(before);
    expect(await anomalyStatuses(db, [fresh, held])).toEqual([AnomalyStatus.open, AnomalyStatus.inRepair]);
  });

  it("lets only one of two concurrent curatives take the same anomaly; the other gets 409", async () => {
    const db = env.database.db;
    const anomaly = await openAnomaly(db, seed.acme);
    const admin = await env.credentialsFor("admin@acme.example");
    const responses = await Promise.all([post(manager, body([anomaly])), post(admin, body([anomaly]))]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const links = await db.select().from(interventionAnomalies).where(eq(interventionAnomalies.anomalyId, anomaly));
    expect(links).toHaveLength(1);
  });

  it("takes again the anomaly of a rejected or cancelled curative (no longer held)", async () => {
    const db = env.database.db;
    const rejected = await seededIntervention(db, seed.acme, {
      type: InterventionType.curative,
      status: InterventionStatus.rejected,
    });
    const [link] = await db
      .select()
      .from(interventionAnomalies)
      .where(eq(interventionAnomalies.interventionId, rejected));
    expect(await anomalyStatuses(db, [link?.anomalyId ?? UNKNOWN_ID])).toEqual([AnomalyStatus.open]);
    await created(await post(manager, body([link?.anomalyId ?? UNKNOWN_ID])));
  });

  it("asks whether each anomaly is held by its own links, whatever ids other rows have", async () => {
    // An undecided curative holding an anomaly of the same id as itself: ids of two tables may coincide,
    // and a lookup that compared the wrong columns would then find every anomaly held.
    const db = env.database.db;
    const shared = 7_654_321;
    const [site] = seed.acme.siteIds;
    await db
      .insert(anomalies)
      .overridingSystemValue()
      .values({
        id: shared,
        organizationId: seed.acme.id,
        siteId: site ?? 0,
        description: "Held by the curative of the same id",
        severity: AnomalySeverity.minor,
        status: AnomalyStatus.inRepair,
        detectedAt: new Date("2026-11-01T00:00:00.000Z"),
      });
    const sourceId = await seededIntervention(db, seed.acme, {
      type: InterventionType.curative,
      status: InterventionStatus.toSchedule,
    });
    const { id: _id, ...source } = await interventionRow(db, sourceId);
    await db
      .insert(interventions)
      .overridingSystemValue()
      .values({ ...source, id: shared });
    await db.insert(interventionAnomalies).values({ interventionId: shared, anomalyId: shared });

    const response = await post(manager, body([await openAnomaly(db, seed.acme, 0)]));
    expect(response.status).toBe(201);
  });

  it("refuses unknown anomalies, contacts and users (400 naming the field), writing nothing", async () => {
    const db = env.database.db;
    const anomaly = await openAnomaly(db, seed.acme);
    const before = await snapshot(db);
    await expectValidation(await post(manager, body([anomaly, UNKNOWN_ID])), "anomalyIds.1");
    await expectValidation(
      await post(manager, body([anomaly], { assignedCompanyContactId: UNKNOWN_ID })),
      "assignedCompanyContactId",
    );
    await expectValidation(await post(manager, body([anomaly], { assignedUserId: UNKNOWN_ID })), "assignedUserId");
    expect(await snapshot(db)).toEqual(before);
  });

  it("lets admins and managers create, and forbids viewers and technicians (403)", async () => {
    const db = env.database.db;
    const anomaly = await openAnomaly(db, seed.acme);
    const before = await snapshot(db);
    for (const email of ["viewer@acme.example", "technician@acme.example"]) {
      await expectProblem(await post(await env.credentialsFor(email), body([anomaly])), 403, "FORBIDDEN");
    }
    expect(await snapshot(db)).toEqual(before);
    const data = await created(await post(await env.credentialsFor("admin@acme.example"), body([anomaly])));
    expect(data.createdByUserId).toBe(seed.userId("admin@acme.example"));
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ["scheduledEnd before scheduledStart", { scheduledEnd: "2026-12-01T12:34:55.999Z" }, "scheduledEnd"],
    ["a description of 2501 characters", { description: "x".repeat(2501) }, "description"],
    ["empty anomalyIds", { anomalyIds: [] }, "anomalyIds"],
    ["a string anomaly id", { anomalyIds: ["1"] }, "anomalyIds.0"],
    ["creationStatus 3", { creationStatus: 3 }, "creationStatus"],
    ["no creationStatus", { creationStatus: undefined }, "creationStatus"],
    ["no scheduledEnd", { scheduledEnd: undefined }, "scheduledEnd"],
    ["an impossible date", { scheduledStart: "2025-02-29T00:00Z" }, "scheduledStart"],
    ["a date without time zone", { scheduledEnd: "2026-12-05T14:56:23" }, "scheduledEnd"],
    ["a fractional user id", { assignedUserId: 1.5 }, "assignedUserId"],
    ["an unknown field", { status: InterventionStatus.accepted }, "status"],
  ];
  it.each(invalid)("answers 400 VALIDATION_FAILED for %s, writing nothing", async (_case, overrides, path) => {
    const db = env.database.db;
    const anomaly = await openAnomaly(db, seed.acme);
    const before = await snapshot(db);
    await expectValidation(await post(manager, body([anomaly], overrides)), path);
    expect(await snapshot(db)).toEqual(before);
  });
});
