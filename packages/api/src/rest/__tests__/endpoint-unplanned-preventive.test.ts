import { interventionSiteRules, interventionSites } from "@interventions/db";
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
  checkSiteRule,
  createApiTestEnv,
  eventsOf,
  expectIsoDates,
  expectProblem,
  expectValidation,
  interventionRow,
  jsonRequest,
  loadSeed,
  notificationsOf,
  PATHS,
  type SeedFixture,
  snapshot,
  TEST_NOW,
  uncoveredPair,
} from "../../testing";

let env: ApiTestEnv;
let seed: SeedFixture;
let technician: Record<string, string>;
let manager: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  technician = await env.credentialsFor("technician@acme.example");
  manager = await env.credentialsFor("manager@acme.example");
});
afterAll(async () => {
  await env.close();
});

/** An id no site or company has, and one no JavaScript number holds exactly (2^53). */
const UNKNOWN_ID = 999_999;
const BEYOND_SAFE_INTEGER = 2 ** 53;
const minutesFromNow = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000).toISOString();

function body(overrides: Record<string, unknown> = {}) {
  const pair = checkSiteRule(seed.acme);
  return {
    companyId: seed.acme.technicianCompanyId,
    siteIds: [pair.siteId],
    ruleIds: [pair.ruleId],
    signature: { name: "example.jpg", mimeType: "image/jpeg", size: 1024 },
    provider: {
      firstName: "Karim",
      lastName: "Benali",
      actionComment: "Action comment from the provider",
      email: "example@mail.fr",
      comment: "General comment from the provider",
    },
    actualStart: "2026-11-23T08:34:56.000Z",
    ...overrides,
  };
}

const post = (headers: Record<string, string>, payload: unknown) =>
  env.rest(jsonRequest("POST", PATHS.unplanned, headers, payload));

describe("000 POST /interventions/v2/mb/preventive/unplanned", () => {
  it("answers exactly what a read of it gives, its signature key included (the answer is not read back)", async () => {
    const response = await post(technician, body());
    expect(response.status).toBe(201);
    const { data } = await response.json();
    const read = await env.rest(jsonRequest("GET", `/interventions/v2/rs/${data.id}`, technician));
    expect(read.status).toBe(200);
    expect((await read.json()).data).toEqual(data);
  });

  it("records a done, auto-created check awaiting verification, with every documented field", async () => {
    const response = await post(technician, body());
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(json).sort()).toEqual(["data", "presignedUrl"]);
    const data = interventionUserShapedSchema.strict().parse(json.data);
    expect(Object.keys(json.data)).toHaveLength(Object.keys(interventionUserShapedSchema.shape).length);
    expectIsoDates(json.data);
    const technicianUserId = seed.userId("technician@acme.example");
    expect(data).toMatchObject({
      type: InterventionType.preventive,
      status: InterventionStatus.awaitingVerification,
      creationStatus: CreationStatus.done,
      autoCreated: true,
      codePin: null,
      actualStart: "2026-11-23T08:34:56.000Z",
      providerName: "Karim Benali",
      providerEmail: "example@mail.fr",
      providerActionComment: "Action comment from the provider",
      providerGeneralComment: "General comment from the provider",
      assignedUserId: technicianUserId,
      createdByUserId: technicianUserId,
      verifiedByUserId: null,
      verifiedAt: null,
      decisionComment: null,
      organizationId: seed.acme.id,
    });
    expect(data.imgSignature).toMatch(
      new RegExp(`^organizations/${seed.acme.id}/interventions/${data.id}/signature-[A-Za-z0-9-]+\\.jpg$`),
    );

    const db = env.database.db;
    const row = await interventionRow(db, data.id);
    expect(row).toMatchObject({
      status: InterventionStatus.awaitingVerification,
      creationStatus: CreationStatus.done,
      autoCreated: true,
      companyId: body().companyId,
    });
    const links = await db
      .select()
      .from(interventionSiteRules)
      .where(eq(interventionSiteRules.interventionId, data.id));
    expect(links.map((link) => link.siteRuleId)).toEqual([checkSiteRule(seed.acme).id]);
    const sites = await db.select().from(interventionSites).where(eq(interventionSites.interventionId, data.id));
    expect(sites.map((site) => site.siteId)).toEqual(body().siteIds);
    const events = await eventsOf(db, data.id);
    expect(events.map((event) => event.action)).toEqual(["created"]);
    expect(events[0]?.actorProfileId).toBe(seed.profileId("technician@acme.example", seed.acme.id));
    // Every verifier (admins and managers) of the organization is told, and nobody else.
    const notified = await notificationsOf(db, data.id);
    expect(notified.map((n) => n.recipientProfileId)).toEqual(seed.acme.verifierProfileIds);
    expect(notified.every((n) => n.readAt === null && n.organizationId === seed.acme.id)).toBe(true);
  });

  it("defaults actualStart to now and accepts a start without seconds, or up to 5 minutes ahead", async () => {
    const noStart = body();
    delete (noStart as Partial<typeof noStart>).actualStart;
    const first = await post(technician, noStart);
    expect(first.status).toBe(201);
    expect((await first.json()).data.actualStart).toBe(TEST_NOW.toISOString());

    const short = await post(technician, body({ actualStart: "2026-11-23T09:58Z" }));
    expect(short.status).toBe(201);
    expect((await short.json()).data.actualStart).toBe("2026-11-23T09:58:00.000Z");

    const ahead = await post(technician, body({ actualStart: minutesFromNow(4) }));
    expect(ahead.status).toBe(201);
  });

  it("refuses an actualStart more than 5 minutes in the future, writing nothing", async () => {
    const before = await snapshot(env.database.db);
    await expectValidation(await post(technician, body({ actualStart: minutesFromNow(6) })), "actualStart");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("lets a manager record one for any company of the organization", async () => {
    const response = await post(manager, body({ companyId: seed.acme.otherCompanyId }));
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(201);
    expect(json.data).toMatchObject({
      assignedCompanyContactId: null,
      assignedUserId: null,
      status: InterventionStatus.awaitingVerification,
    });
    expect(json.data.createdByUserId).toBe(seed.userId("manager@acme.example"));
  });

  it("forbids a technician to record one for another company (403), and a viewer (403)", async () => {
    const before = await snapshot(env.database.db);
    await expectProblem(await post(technician, body({ companyId: seed.acme.otherCompanyId })), 403, "FORBIDDEN");
    const viewer = await env.credentialsFor("viewer@acme.example");
    await expectProblem(await post(viewer, body()), 403, "FORBIDDEN");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("refuses rules that are not check rules, and sites and rules that do not go together", async () => {
    const before = await snapshot(env.database.db);
    const pair = checkSiteRule(seed.acme);
    const exercise = seed.acme.exerciseRuleIds[0];
    await expectValidation(await post(technician, body({ ruleIds: [pair.ruleId, exercise] })), "ruleIds.1");

    const { siteId, ruleId } = uncoveredPair(seed.acme);
    // The site has none of the rules...
    await expectValidation(await post(technician, body({ siteIds: [siteId], ruleIds: [ruleId] })), "siteIds.0");
    // ...and a rule that applies to none of the sites is named too, even when the site has another rule.
    const other = seed.acme.siteRules.find(
      (sr) => sr.siteId === siteId && sr.kind === RuleKind.check && sr.ruleId !== ruleId,
    );
    const mixed = await post(technician, body({ siteIds: [siteId], ruleIds: [other?.ruleId, ruleId] }));
    await expectValidation(mixed, "ruleIds.1");
    await expectValidation(await post(technician, body({ siteIds: [pair.siteId, UNKNOWN_ID] })), "siteIds.1");
    await expectValidation(await post(technician, body({ companyId: UNKNOWN_ID })), "companyId");
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ["empty siteIds", { siteIds: [] }, "siteIds"],
    ["empty ruleIds", { ruleIds: [] }, "ruleIds"],
    ["an unknown field", { codePin: 123456 }, "codePin"],
    ["an impossible date", { actualStart: "2025-02-29T00:00Z" }, "actualStart"],
    ["an offset other than Z", { actualStart: "2026-11-23T08:00:00+01:00" }, "actualStart"],
    ["a non-integer companyId", { companyId: 1.5 }, "companyId"],
    ["an id beyond the safe range", { siteIds: [BEYOND_SAFE_INTEGER] }, "siteIds.0"],
    ["an empty signature", { signature: { name: "s.jpg", mimeType: "image/jpeg", size: 0 } }, "signature.size"],
    [
      "a signature over 5 MiB",
      { signature: { name: "s.jpg", mimeType: "image/jpeg", size: 5 * 1024 * 1024 + 1 } },
      "signature.size",
    ],
    ["a GIF signature", { signature: { name: "s.gif", mimeType: "image/gif", size: 10 } }, "signature.mimeType"],
    [
      "an unsafe file name",
      { signature: { name: "../../etc/passwd", mimeType: "image/png", size: 10 } },
      "signature.name",
    ],
    ["an invalid provider e-mail", { provider: { firstName: "A", lastName: "B", email: "nope" } }, "provider.email"],
    [
      "a provider comment of 5001 characters",
      { provider: { firstName: "A", lastName: "B", email: "a@b.fr", comment: "x".repeat(5001) } },
      "provider.comment",
    ],
    ["no provider", { provider: undefined }, "provider"],
  ];
  it.each(invalid)("answers 400 VALIDATION_FAILED for %s, writing nothing", async (_case, overrides, path) => {
    const before = await snapshot(env.database.db);
    await expectValidation(await post(technician, body(overrides)), path);
    expect(await snapshot(env.database.db)).toEqual(before);
  });
});
