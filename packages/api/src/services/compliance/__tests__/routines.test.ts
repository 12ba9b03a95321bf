import {
  emailOutbox,
  interventionEvents,
  interventionSiteRules,
  interventionSites,
  interventions,
} from "@interventions/db";
import {
  addCalendarMonths,
  CreationStatus,
  InterventionStatus,
  InterventionType,
  ObligationStatus,
  RuleKind,
  subtractCalendarDays,
} from "@interventions/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestEnv, createApiTestEnv, loadSeed, type SeedFixture, TEST_NOW } from "../../../testing";
import { readObligations } from "../obligations";
import { runRoutines } from "../plan-due-checks";
import { coveringIntervention } from "./obligation-fixture";
import { type FreshRoutine, freshRoutine, freshRoutineOrganization, type RoutineOrganization } from "./routine-fixture";

const DAY = 86_400_000;

let env: ApiTestEnv;
let seed: SeedFixture;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
});
afterAll(async () => {
  await env?.close();
});

const run = (organization: RoutineOrganization, now: Date) =>
  runRoutines(env.services, { now, organizationSlug: organization.slug }).then((runs) =>
    runs.reduce((sum, organizationRun) => sum + organizationRun.planned, 0),
  );

const generatedFor = (routine: FreshRoutine) =>
  env.database.db
    .select()
    .from(interventions)
    .where(eq(interventions.routineId, routine.routineId))
    .orderBy(asc(interventions.id));

/** "09:00" for an instant, on the organization's clock. */
const localTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);

describe("the routine generator", () => {
  it("plans a due check once however many generators run at once, and a later run plans nothing", async () => {
    const organization = await freshRoutineOrganization(env.database.db);
    const firstDueAt = new Date(TEST_NOW.getTime() + 10 * DAY);
    const due = await Promise.all(
      Array.from({ length: 12 }, () =>
        freshRoutine(env.database.db, organization, { periodicityMonths: 12, firstDueAt }),
      ),
    );
    // Not yet within its lead time: left alone.
    const later = await freshRoutine(env.database.db, organization, {
      periodicityMonths: 12,
      firstDueAt: new Date(TEST_NOW.getTime() + 90 * DAY),
    });

    const planned = await Promise.all(Array.from({ length: 4 }, () => run(organization, TEST_NOW)));
    expect(planned.reduce((sum, count) => sum + count, 0)).toBe(due.length);
    expect(await run(organization, TEST_NOW)).toBe(0);
    expect(await run(organization, new Date(TEST_NOW.getTime() + 5 * DAY))).toBe(0);
    expect(await generatedFor(later)).toEqual([]);

    for (const routine of due) {
      const rows = await generatedFor(routine);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        organizationId: organization.id,
        type: InterventionType.preventive,
        status: InterventionStatus.toSchedule,
        creationStatus: CreationStatus.toScheduled,
        autoCreated: true,
        routineDueAt: firstDueAt,
        scheduledEnd: firstDueAt,
        assignedCompanyContactId: organization.contactId,
        createdByProfileId: null,
      });
    }
    const ids = (await Promise.all(due.map(generatedFor))).flat().map((row) => row.id);
    const links = await env.database.db
      .select()
      .from(interventionSiteRules)
      .where(inArray(interventionSiteRules.interventionId, ids));
    expect(links.map((link) => link.siteRuleId).sort()).toEqual(due.map((routine) => routine.siteRuleId).sort());
    const sites = await env.database.db
      .select()
      .from(interventionSites)
      .where(inArray(interventionSites.interventionId, ids));
    expect(sites.map((site) => site.siteId).sort()).toEqual(due.map((routine) => routine.siteId).sort());
    const events = await env.database.db
      .select()
      .from(interventionEvents)
      .where(inArray(interventionEvents.interventionId, ids));
    expect(events).toHaveLength(due.length);
    expect(events.every((event) => event.action === "created" && event.actorProfileId === null)).toBe(true);
    // The assignee hears of each once, through the outbox.
    const mails = await env.database.db.select().from(emailOutbox).where(inArray(emailOutbox.interventionId, ids));
    expect(mails).toHaveLength(due.length);
    expect(new Set(mails.map((mail) => mail.kind))).toEqual(new Set(["assigned"]));
  });

  it("after downtime, catches up with one check per due obligation, never a backlog of missed ones", async () => {
    const organization = await freshRoutineOrganization(env.database.db);
    const neverDoneDueAt = new Date(TEST_NOW.getTime() - 700 * DAY);
    const neverDone = await freshRoutine(env.database.db, organization, {
      periodicityMonths: 3,
      firstDueAt: neverDoneDueAt,
      assigned: false,
    });
    const doneLongAgo = await freshRoutine(env.database.db, organization, {
      periodicityMonths: 1,
      firstDueAt: new Date(TEST_NOW.getTime() - 900 * DAY),
      assigned: false,
    });
    const checkedAt = new Date(TEST_NOW.getTime() - 800 * DAY);
    await coveringIntervention(env.database.db, doneLongAgo, {
      kind: RuleKind.check,
      status: InterventionStatus.accepted,
      scheduledEnd: checkedAt,
    });

    expect(await run(organization, TEST_NOW)).toBe(2);
    expect(await run(organization, TEST_NOW)).toBe(0);
    expect(await generatedFor(neverDone)).toMatchObject([{ routineDueAt: neverDoneDueAt }]);
    const [catchUp] = await generatedFor(doneLongAgo);
    expect(catchUp?.routineDueAt).toEqual(addCalendarMonths(checkedAt, 1, organization.timeZone));
    expect(catchUp?.assignedCompanyContactId).toBeNull();
  });

  it("plans exactly one check for an extinguisher accepted 13 months ago, overdue over REST until then", async () => {
    const organization = await freshRoutineOrganization(env.database.db);
    const routine = await freshRoutine(env.database.db, organization, {
      periodicityMonths: 12,
      firstDueAt: TEST_NOW,
    });
    const checkedAt = addCalendarMonths(TEST_NOW, -13, organization.timeZone);
    await coveringIntervention(env.database.db, routine, {
      kind: RuleKind.check,
      status: InterventionStatus.accepted,
      scheduledEnd: checkedAt,
    });

    expect(await run(organization, TEST_NOW)).toBe(1);
    expect(await run(organization, TEST_NOW)).toBe(0);
    const [planned] = await generatedFor(routine);
    const dueAt = addCalendarMonths(checkedAt, 12, organization.timeZone);
    expect(planned?.routineDueAt).toEqual(dueAt);
    expect(planned?.scheduledEnd).toEqual(dueAt);

    // Still overdue (the check is planned, not done), and the obligation now points at the planned check.
    const obligations = await readObligations(env.database.db, organization.id, { siteId: routine.siteId }, TEST_NOW);
    expect(obligations).toMatchObject([
      {
        status: ObligationStatus.overdue,
        nextIntervention: { id: planned?.id, scheduledStart: planned?.scheduledStart },
      },
    ]);
  });

  it.each(["Europe/Paris", "America/New_York"])(
    "steps a quarterly routine in %s through ten years: 40 checks, each at the same local time across every DST change",
    async (timeZone) => {
      const organization = await freshRoutineOrganization(env.database.db, timeZone);
      // 09:00 on the organization's clock, in winter.
      const firstDueAt = new Date(timeZone === "Europe/Paris" ? "2027-01-15T08:00:00Z" : "2027-01-15T14:00:00Z");
      const routine = await freshRoutine(env.database.db, organization, { periodicityMonths: 3, firstDueAt });
      const localTimes = new Set<string>();
      const offsets = new Set<number>();
      let expectedDue = firstDueAt;
      for (let occurrence = 0; occurrence < 40; occurrence += 1) {
        const leadStarts = subtractCalendarDays(expectedDue, 30, timeZone);
        expect(await run(organization, new Date(leadStarts.getTime() - 60_000))).toBe(0);
        expect(await run(organization, leadStarts)).toBe(1);
        expect(await run(organization, leadStarts)).toBe(0);
        const rows = await generatedFor(routine);
        const check = rows.at(-1);
        if (!check) throw new Error("no check planned");
        expect(check.routineDueAt).toEqual(expectedDue);
        localTimes.add(localTime(check.scheduledEnd, timeZone));
        offsets.add(
          check.scheduledEnd.getTime() - Date.parse(`${check.scheduledEnd.toISOString().slice(0, 10)}T09:00:00Z`),
        );
        // Done as booked, and accepted: the next one falls due a quarter later.
        await env.database.db
          .update(interventions)
          .set({ status: InterventionStatus.accepted, actualEnd: check.scheduledEnd })
          .where(eq(interventions.id, check.id));
        expectedDue = addCalendarMonths(check.scheduledEnd, 3, timeZone);
      }
      const all = await generatedFor(routine);
      expect(all).toHaveLength(40);
      expect(localTimes).toEqual(new Set(["09:00"]));
      // Both sides of the DST change: the same local time is two different UTC offsets.
      expect(offsets.size).toBe(2);
      expect(all.at(-1)?.scheduledEnd.getUTCFullYear()).toBe(2036);
    },
    120_000,
  );

  it("leaves other organizations alone, and says so for an unknown slug", async () => {
    const demoGenerated = () =>
      env.database.db
        .select({ id: interventions.id })
        .from(interventions)
        .where(and(eq(interventions.organizationId, seed.acme.id), eq(interventions.autoCreated, true)));
    const demoBefore = await demoGenerated();
    const organization = await freshRoutineOrganization(env.database.db);
    await freshRoutine(env.database.db, organization, { periodicityMonths: 12, firstDueAt: TEST_NOW });
    const runs = await runRoutines(env.services, { now: TEST_NOW, organizationSlug: organization.slug });
    expect(runs.map((organizationRun) => organizationRun.organization.id)).toEqual([organization.id]);
    await expect(runRoutines(env.services, { now: TEST_NOW, organizationSlug: "nobody-here" })).rejects.toThrow(
      /no organization has the slug "nobody-here"/,
    );
    // The demo organization's routines were left alone by every run of one organization above.
    expect(await demoGenerated()).toEqual(demoBefore);
  });
});
