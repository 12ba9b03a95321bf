import { CreationStatus, InterventionStatus, InterventionType, ProfileRole } from "@interventions/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { linkSites } from "./coverage-links";
import { interventionSites, interventions, profiles, rules, sites, users } from "./schema";
import { seedDemo } from "./seed/seed";
import { ACME, createTestDatabase, type DemoRecords, LYCEE, loadDemoRecords, refusal } from "./testing";

let handle: DatabaseHandle;
let demo: DemoRecords;
let valid: ReturnType<typeof validIntervention>;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { now: new Date("2026-11-23T10:00:00Z") });
  demo = await loadDemoRecords(handle.db);
  valid = validIntervention(demo.organizationId(ACME));
});
afterAll(async () => {
  await handle.close();
});

/** An id no organization has. */
const UNKNOWN_ID = 999_999;
/** The demo user who belongs to both organizations. */
const CONSULTANT = "consultant@safety.example";

// A valid intervention of a demo organization; each test breaks one thing in it.
function validIntervention(organizationId: number) {
  return {
    organizationId,
    type: InterventionType.preventive,
    status: InterventionStatus.scheduled,
    creationStatus: CreationStatus.scheduled,
    scheduledStart: new Date("2026-12-01T08:00:00Z"),
    scheduledEnd: new Date("2026-12-01T10:00:00Z"),
    codePin: 123456,
  };
}

describe("interventions table", () => {
  it("accepts a valid row", async () => {
    const [row] = await handle.db.insert(interventions).values(valid).returning({ id: interventions.id });
    expect(row?.id).toBeGreaterThan(0);
  });

  it.each([
    ["an unknown type", { type: 4 }, "interventions_type_check"],
    ["an unknown status", { status: 0 }, "interventions_status_check"],
    ["an unknown creation status", { creationStatus: 3 }, "interventions_creation_status_check"],
    ["an unknown check type", { checkType: 9 }, "interventions_check_type_check"],
    [
      "an end before the start",
      { scheduledEnd: new Date("2026-12-01T07:59:59Z") },
      "interventions_schedule_order_check",
    ],
    ["a 5-digit code PIN", { codePin: 99999 }, "interventions_code_pin_check"],
    ["a 7-digit code PIN", { codePin: 1000000 }, "interventions_code_pin_check"],
    ["an attendee count on a preventive", { attendeeCount: 3 }, "interventions_training_fields_check"],
    [
      "a negative attendee count",
      { type: InterventionType.trainingExercise, attendeeCount: -1 },
      "interventions_attendee_count_check",
    ],
    ["a verification date without verifier", { verifiedAt: new Date() }, "interventions_verification_check"],
    ["an unknown organization", { organizationId: UNKNOWN_ID }, "foreign key"],
  ])("refuses %s", async (_label, change, expected) => {
    // @ts-expect-error values outside the enums: the database must refuse what the types already do
    const message = await refusal(handle.db.insert(interventions).values({ ...valid, ...change }));
    expect(message).toContain(expected);
  });
});

describe("intervention_sites' copy of the intervention", () => {
  async function interventionOnASite(values: Partial<typeof interventions.$inferInsert> = {}) {
    const [row] = await handle.db
      .insert(interventions)
      .values({ ...valid, ...values })
      .returning({ id: interventions.id });
    const [site] = await handle.db
      .select({ id: sites.id })
      .from(sites)
      .where(eq(sites.organizationId, valid.organizationId))
      .limit(1);
    if (!row || !site) throw new Error(`the demo has no site in ${ACME}`);
    return { interventionId: row.id, siteId: site.id };
  }

  /** The link as the intervention's row says it should be. */
  async function linkOf(interventionId: number, siteId: number) {
    const [row] = await handle.db.select().from(interventions).where(eq(interventions.id, interventionId));
    if (!row?.doneAt || row.live === null || row.ruleKey === null) throw new Error(`no intervention ${interventionId}`);
    const { organizationId, type, ruleKey, status, scheduledStart, doneAt, live } = row;
    return { interventionId, siteId, organizationId, type, ruleKey, status, scheduledStart, doneAt, live };
  }

  async function copied(interventionId: number) {
    return handle.db.select().from(interventionSites).where(eq(interventionSites.interventionId, interventionId));
  }

  it.each([
    ["scheduled start", { scheduledStart: new Date("2026-12-02T08:00:00Z") }],
    ["status", { status: InterventionStatus.accepted }],
    ["type", { type: InterventionType.trainingExercise }],
    ["rule", { ruleKey: 1 }],
    ["deletion", { live: false }],
  ])("refuses a link whose %s differs from the intervention's", async (_label, wrong) => {
    const { interventionId, siteId } = await interventionOnASite();
    const link = await linkOf(interventionId, siteId);
    const message = await refusal(handle.db.insert(interventionSites).values({ ...link, ...wrong }));
    expect(message).toContain("intervention_sites_coverage_fk");
  });

  it("keeps times to the millisecond, so a start read back links to its intervention", async () => {
    const { interventionId, siteId } = await interventionOnASite();
    // Written by SQL with microseconds, as a data import could.
    await handle.db
      .update(interventions)
      .set({ scheduledStart: sql`'2026-12-01T08:00:00.123456Z'::timestamptz` })
      .where(eq(interventions.id, interventionId));
    const link = await linkOf(interventionId, siteId);
    expect(link.scheduledStart.toISOString()).toBe("2026-12-01T08:00:00.123Z");
    await handle.db.insert(interventionSites).values(link);
    expect(await copied(interventionId)).toHaveLength(1);
  });

  it("follows the intervention when it is rescheduled, done, deleted or given another rule", async () => {
    const [drillRule] = await handle.db
      .select({ id: rules.id })
      .from(rules)
      .where(eq(rules.organizationId, valid.organizationId))
      .limit(1);
    if (!drillRule) throw new Error(`the demo has no rule in ${ACME}`);
    const { interventionId, siteId } = await interventionOnASite({
      type: InterventionType.trainingExercise,
      ruleId: drillRule.id,
    });
    await linkSites(handle.db, [{ interventionId, siteId }]);
    const moved = new Date("2026-12-05T08:00:00Z");
    const ended = new Date("2026-12-05T11:00:00Z");
    await handle.db
      .update(interventions)
      .set({
        scheduledStart: moved,
        scheduledEnd: new Date("2026-12-05T10:00:00Z"),
        actualEnd: ended,
        status: InterventionStatus.awaitingVerification,
        ruleId: null,
        deletedAt: new Date(),
      })
      .where(eq(interventions.id, interventionId));
    expect(await copied(interventionId)).toEqual([
      {
        ...(await linkOf(interventionId, siteId)),
        scheduledStart: moved,
        doneAt: ended,
        status: InterventionStatus.awaitingVerification,
        ruleKey: 0,
        live: false,
      },
    ]);
  });
});

describe("users and profiles", () => {
  it("refuses an e-mail that is not lower-case", async () => {
    const message = await refusal(
      handle.db
        .insert(users)
        .values({ email: "Someone@Example.com", passwordHash: "x", firstName: "A", lastName: "B" }),
    );
    expect(message).toContain("users_email_lower_check");
  });

  it("refuses a second account with the same e-mail", async () => {
    const message = await refusal(
      handle.db.insert(users).values({ email: "admin@acme.example", passwordHash: "x", firstName: "A", lastName: "B" }),
    );
    expect(message).toContain("duplicate key");
  });

  it("refuses an unknown role and a provider profile without its company contact", async () => {
    const member = { userId: demo.userId(CONSULTANT), organizationId: demo.organizationId(LYCEE) };
    // @ts-expect-error 9 is not a role: the database must refuse it as the types do
    const unknownRole = handle.db.insert(profiles).values({ ...member, role: 9 });
    expect(await refusal(unknownRole)).toContain("profiles_role_check");
    const providerWithoutContact = handle.db.insert(profiles).values({ ...member, role: ProfileRole.provider });
    expect(await refusal(providerWithoutContact)).toContain("profiles_provider_contact_check");
  });

  it("refuses a second profile for the same user in the same organization", async () => {
    const message = await refusal(
      handle.db.insert(profiles).values({
        userId: demo.userId("admin@acme.example"),
        organizationId: demo.organizationId(ACME),
        role: ProfileRole.viewer,
      }),
    );
    expect(message).toContain("duplicate key");
  });
});
