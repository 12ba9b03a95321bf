import { emailOutbox, notifications, obligationReminders, profiles, routines, sites, users } from "@interventions/db";
import { addCalendarMonths, InterventionStatus, RuleKind } from "@interventions/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../../../mail/__tests__/smtp-sink";
import { createMailTransport } from "../../../mail/create-mail-transport";
import { deliverMessage } from "../../../mail/deliver-message";
import { ReminderMessageKind } from "../../../mail/reminder-message";
import { type ApiTestEnv, createApiTestEnv, loadSeed, type SeedFixture, TEST_NOW } from "../../../testing";
import { runRoutines } from "../plan-due-checks";
import { coveringIntervention, type FreshObligation, freshObligation } from "./obligation-fixture";

const PARIS = "Europe/Paris";
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

const runAt = (now: Date) => runRoutines(env.services, { now, organizationSlug: seed.acme.slug });

/** The e-mails and in-app notifications of the reminders about one obligation (its site is its own). */
async function noticesAbout(obligation: FreshObligation) {
  const mails = await env.database.db
    .select()
    .from(emailOutbox)
    .where(sql`${emailOutbox.payload} -> 'obligation' ->> 'siteId' = ${String(obligation.siteId)}`);
  const { name } = await siteOf(obligation);
  const titled = await env.database.db
    .select({ kind: notifications.kind, title: notifications.title, profileId: notifications.recipientProfileId })
    .from(notifications)
    .where(
      and(
        eq(notifications.organizationId, obligation.organizationId),
        inArray(notifications.kind, Object.values(ReminderMessageKind)),
      ),
    );
  // The title names the site: "EXT … at Test site 3: due by …"; the site is the obligation's own.
  return {
    mails,
    notifications: titled.filter((row) => row.title.includes(`${name}:`) || row.title.includes(`${name} :`)),
  };
}

async function siteOf(obligation: FreshObligation) {
  const [site] = await env.database.db.select({ name: sites.name }).from(sites).where(eq(sites.id, obligation.siteId));
  if (!site) throw new Error("the obligation's site is gone");
  return site;
}

describe("reminders of an obligation", () => {
  it("due soon: the routine's assignee and those who plan checks are told once, in their language; overdue: the planners, once", async () => {
    const obligation = await freshObligation(env.database.db, seed.acme.id, { periodicityMonths: 12 });
    // Accepted 12 months less 10 days ago: due in 10 days, within the 30-day warning window.
    const checkedAt = addCalendarMonths(new Date(TEST_NOW.getTime() + 10 * DAY), -12, PARIS);
    await coveringIntervention(env.database.db, obligation, {
      kind: RuleKind.check,
      status: InterventionStatus.accepted,
      scheduledEnd: checkedAt,
    });
    const contact = seed.acme.contacts[0];
    if (!contact) throw new Error("the demo has no contact");
    // A lead time of 5 days: the check is not planned yet, the reminder is due all the same.
    await env.database.db.insert(routines).values({
      organizationId: seed.acme.id,
      siteRuleId: obligation.siteRuleId,
      assignedCompanyContactId: contact.id,
      leadDays: 5,
      firstDueAt: TEST_NOW,
    });
    const planners = await env.database.db
      .select({ id: profiles.id, email: users.email, locale: users.locale })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(inArray(profiles.id, seed.acme.verifierProfileIds));

    await Promise.all([runAt(TEST_NOW), runAt(TEST_NOW)]);
    await runAt(new Date(TEST_NOW.getTime() + DAY));
    const dueSoon = await noticesAbout(obligation);
    expect(dueSoon.mails.map((mail) => mail.recipientEmail).sort()).toEqual(
      [...new Set([...planners.map((planner) => planner.email), contact.email])].sort(),
    );
    expect(new Set(dueSoon.mails.map((mail) => mail.kind))).toEqual(new Set([ReminderMessageKind.obligationDueSoon]));
    expect(dueSoon.notifications.map((row) => row.profileId).sort()).toEqual(
      planners.map((planner) => planner.id).sort(),
    );
    const dueAt = addCalendarMonths(checkedAt, 12, PARIS);
    expect(
      await env.database.db
        .select({ kind: obligationReminders.kind, dueAt: obligationReminders.dueAt })
        .from(obligationReminders)
        .where(eq(obligationReminders.siteRuleId, obligation.siteRuleId)),
    ).toEqual([{ kind: "dueSoon", dueAt }]);

    // Past the due date: overdue, told to the planners only, once.
    const late = new Date(dueAt.getTime() + DAY);
    await Promise.all([runAt(late), runAt(late)]);
    await runAt(new Date(late.getTime() + DAY));
    const overdue = (await noticesAbout(obligation)).mails.filter(
      (mail) => mail.kind === ReminderMessageKind.obligationOverdue,
    );
    expect(overdue.map((mail) => mail.recipientEmail).sort()).toEqual(planners.map((planner) => planner.email).sort());
  });

  it("is delivered as an e-mail naming the site, the rule and the due date, in the recipient's language", async () => {
    const obligation = await freshObligation(env.database.db, seed.acme.id, { periodicityMonths: 1 });
    const site = await siteOf(obligation);
    // Accepted on 31 August, monthly: due on 30 September (the month has no 31st), overdue since.
    const checkedAt = new Date("2026-08-31T07:00:00Z");
    await coveringIntervention(env.database.db, obligation, {
      kind: RuleKind.check,
      status: InterventionStatus.accepted,
      scheduledEnd: checkedAt,
    });
    await runAt(TEST_NOW);
    const { mails, notifications: inApp } = await noticesAbout(obligation);
    expect(mails.length).toBeGreaterThan(0);
    expect(inApp.length).toBeGreaterThan(0);

    const sink = await startSmtpSink();
    const transport = createMailTransport({ smtpUrl: sink.url, directory: "/nonexistent" });
    try {
      for (const mail of mails) {
        await deliverMessage(
          {
            db: env.database.db,
            transport,
            appUrl: "https://app.example",
            from: "Interventions <no-reply@app.example>",
          },
          mail.id,
        );
      }
      expect(sink.received).toHaveLength(mails.length);
      const inLocale = (locale: string) => {
        const messageIds = new Set(mails.filter((mail) => mail.locale === locale).map((mail) => mail.messageId));
        return sink.received.find((message) => messageIds.has(`<${message.messageId?.replace(/^<|>$/g, "")}>`));
      };
      // The demo's planners speak French (the admin, the manager) and English (the consultant).
      const french = inLocale("fr");
      const english = inLocale("en");
      expect(french?.subject).toMatch(/en retard depuis le 30 septembre 2026/);
      expect(french?.text).toContain("Contrôle prévu : aucun");
      expect(english?.subject).toMatch(/overdue since 30 September 2026/);
      for (const message of [french, english]) {
        expect(message?.text).toContain(site.name);
        expect(message?.text).toContain(`/compliance?siteId=${obligation.siteId}&ruleId=${obligation.ruleId}`);
      }
    } finally {
      await transport.close();
      await sink.stop();
    }
  });
});
