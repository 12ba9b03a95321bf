import { companyContacts, emailOutbox, interventions, notifications, OutboxStatus, profiles } from "@interventions/db";
import { InterventionStatus, InterventionType, ProfileRole } from "@interventions/domain";
import { and, count, eq, inArray } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "../../jobs/job-engine";
import {
  type ApiTestEnv,
  createApiTestEnv,
  freshIntervention,
  jsonRequest,
  loadSeed,
  openAnomaly,
  PATHS,
  type SeedFixture,
  TEST_NOW,
} from "../../testing";
import { createMailTransport } from "../create-mail-transport";
import type { MailTransport } from "../mail-transport";
import { workMail } from "../work-mail";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

// Each event of an intervention, from the REST verb to the message an SMTP server receives: who is told,
// in which language, with what, and who is told in the app.

const APP_URL = "https://dashboard.example";
const POLL = { timeout: 10_000, interval: 50 };
let env: ApiTestEnv;
let seed: SeedFixture;
let sink: SmtpSink;
let transport: MailTransport;
let worker: Worker;
let manager: Record<string, string>;
/** Two contacts of the other company (neither is the demo technician): one reads French, one English. */
let french: { id: number; email: string };
let english: { id: number; email: string };
let technician: { contactId: number; contactEmail: string; profileId: number };
const CONSULTANT = "consultant@safety.example"; // English
const ADMIN = "admin@acme.example"; // French

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  sink = await startSmtpSink();
  transport = createMailTransport({ smtpUrl: sink.url, directory: "/nonexistent" });
  worker = await workMail(env.jobs, {
    db: env.database.db,
    transport,
    appUrl: APP_URL,
    from: "Interventions <no-reply@dashboard.example>",
    clock: () => TEST_NOW,
    log: () => {},
  });
  const others = seed.acme.contacts.filter((c) => c.companyId === seed.acme.otherCompanyId);
  [french, english] = [others[0], others[1]].map((c) => ({ id: c?.id ?? 0, email: c?.email ?? "" })) as [
    typeof french,
    typeof english,
  ];
  await env.database.db.update(companyContacts).set({ locale: "en" }).where(eq(companyContacts.id, english.id));
  const [tech] = await env.database.db
    .select({ profileId: profiles.id, contactId: companyContacts.id, contactEmail: companyContacts.email })
    .from(profiles)
    .innerJoin(companyContacts, eq(companyContacts.id, profiles.companyContactId))
    .where(and(eq(profiles.organizationId, seed.acme.id), eq(profiles.role, ProfileRole.provider)));
  if (!tech) throw new Error("no demo technician");
  technician = tech;
});
afterAll(async () => {
  await worker.stop();
  await transport.close();
  await sink.stop();
  await env.close();
});

/** Waits until the worker has emptied the outbox; the messages it delivered, by recipient address. */
async function deliver(): Promise<Map<string, ParsedMail>> {
  const before = sink.received.length;
  await expect
    .poll(async () => {
      const [pending] = await env.database.db
        .select({ n: count() })
        .from(emailOutbox)
        .where(eq(emailOutbox.status, OutboxStatus.pending));
      return pending?.n;
    }, POLL)
    .toBe(0);
  const delivered = sink.received.slice(before);
  return new Map(delivered.map((mail) => [toAddress(mail), mail]));
}

function toAddress(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? "";
}

async function send(method: string, path: string, body: unknown) {
  const response = await env.rest(jsonRequest(method, path, manager, body));
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBeLessThan(300);
  return json.data as { id: number };
}

/** A scheduled preventive of Acme, assigned to this contact and profile. */
async function preventive(assigned: { contactId: number | null; profileId: number | null }) {
  const id = await freshIntervention(env.database.db, seed.acme, {
    type: InterventionType.preventive,
    status: InterventionStatus.scheduled,
  });
  await env.database.db
    .update(interventions)
    .set({ assignedCompanyContactId: assigned.contactId, assignedProfileId: assigned.profileId })
    .where(eq(interventions.id, id));
  return id;
}

function inApp(interventionId: number) {
  return env.database.db
    .select()
    .from(notifications)
    .where(eq(notifications.interventionId, interventionId))
    .orderBy(notifications.createdAt, notifications.kind);
}

function expectLink(mail: ParsedMail | undefined, interventionId: number) {
  const url = `${APP_URL}/interventions/${interventionId}`;
  expect(mail?.text).toContain(url);
  expect(mail?.html).toContain(`href="${url}"`);
}

describe("an intervention assigned", () => {
  it("tells the new contact and member by e-mail, each in their language, and the member in the app", async () => {
    const anomaly = await openAnomaly(env.database.db, seed.acme);
    const { id } = await send("POST", PATHS.curative, {
      scheduledStart: "2026-12-01T08:00:00Z",
      scheduledEnd: "2026-12-01T10:00:00Z",
      anomalyIds: [anomaly],
      creationStatus: 1,
      description: "Replace the exit sign",
      assignedCompanyContactId: french.id,
      assignedUserId: seed.userId(CONSULTANT),
    });
    const mails = await deliver();
    expect([...mails.keys()].sort()).toEqual([CONSULTANT, french.email].sort());

    const toContact = mails.get(french.email);
    expect(toContact?.subject).toBe(`[Acme Properties] Intervention n° ${id} : elle vous est confiée`);
    expect(toContact?.text).toContain("Une intervention vous a été confiée.");
    expect(toContact?.text).toContain(`Intervention : Réparation n° ${id}`);
    expect(toContact?.text).toContain("Replace the exit sign");
    expect(toContact?.text).toContain("1 décembre 2026");
    expectLink(toContact, id);

    const toMember = mails.get(CONSULTANT);
    expect(toMember?.subject).toBe(`[Acme Properties] Intervention #${id} has been assigned to you`);
    expect(toMember?.html).toContain("<p>An intervention has been assigned to you.</p>");
    expectLink(toMember, id);
    const [row] = await env.database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.interventionId, id), eq(emailOutbox.recipientEmail, CONSULTANT)));
    expect(toMember?.messageId).toBe(row?.messageId);
    expect(toMember?.from?.value[0]).toMatchObject({ name: "Interventions", address: "no-reply@dashboard.example" });

    // The manager who planned it is not told; the consultant sees it in the app too, in English.
    const notified = await inApp(id);
    expect(notified.map((n) => [n.kind, n.recipientProfileId, n.title])).toEqual([
      ["assigned", seed.profileId(CONSULTANT, seed.acme.id), `Intervention #${id} has been assigned to you`],
    ]);
  });

  it("reassigned: the previous assignees hear why, the new ones hear of it, the technician also in the app", async () => {
    const id = await preventive({ contactId: english.id, profileId: seed.profileId(CONSULTANT, seed.acme.id) });
    const reason = "The client <asked> for R&D's team";
    await send("PATCH", PATHS.preventive(id), {
      assignedCompanyContactId: technician.contactId,
      assignedProfileId: seed.profileId(ADMIN, seed.acme.id),
      previousAssigneeNotification: { sendEmail: true, reason },
    });
    const mails = await deliver();
    expect([...mails.keys()].sort()).toEqual([ADMIN, CONSULTANT, english.email, technician.contactEmail].sort());

    const gone = mails.get(english.email);
    expect(gone?.subject).toBe(`[Acme Properties] Intervention #${id} is no longer assigned to you`);
    expect(gone?.text).toContain(`Reason: ${reason}`);
    expect(gone?.html).toContain("The client &lt;asked&gt; for R&amp;D&#39;s team");
    expect(gone?.html).not.toContain("<asked>");
    expect(mails.get(CONSULTANT)?.text).toContain(reason);
    expect(mails.get(ADMIN)?.subject).toBe(`[Acme Properties] Intervention n° ${id} : elle vous est confiée`);
    expect(mails.get(technician.contactEmail)?.subject).toContain("elle vous est confiée");
    for (const mail of mails.values()) expectLink(mail, id);

    const notified = await inApp(id);
    expect(notified.map((n) => [n.kind, n.recipientProfileId, n.body]).sort()).toEqual(
      [
        ["assigned", seed.profileId(ADMIN, seed.acme.id), null],
        ["assigned", technician.profileId, null],
        ["unassigned", seed.profileId(CONSULTANT, seed.acme.id), reason],
      ].sort(),
    );
  });

  it("reassigned without the notice: only the new assignee hears of it", async () => {
    const id = await preventive({ contactId: english.id, profileId: null });
    await send("PATCH", PATHS.preventive(id), {
      assignedCompanyContactId: french.id,
      previousAssigneeNotification: { sendEmail: false },
    });
    expect([...(await deliver()).keys()]).toEqual([french.email]);
  });
});

describe("an intervention updated", () => {
  it("tells the current assignees when asked, listing what changed; not otherwise", async () => {
    const id = await preventive({ contactId: english.id, profileId: seed.profileId(ADMIN, seed.acme.id) });
    await send("PATCH", PATHS.preventive(id), { description: "Bring the ladder" });
    expect((await deliver()).size).toBe(0);

    await send("PATCH", PATHS.preventive(id), {
      description: "Bring the long ladder",
      scheduledStart: "2026-12-02T08:00:00Z",
      scheduledEnd: "2026-12-02T09:00:00Z",
      sendUpdateEmailToCurrentAssignee: true,
    });
    const mails = await deliver();
    expect([...mails.keys()].sort()).toEqual([ADMIN, english.email].sort());
    const toContact = mails.get(english.email);
    expect(toContact?.subject).toBe(`[Acme Properties] Intervention #${id} has been updated`);
    expect(toContact?.text).toContain("Changed: description, start, end");
    expect(toContact?.text).toContain("Bring the long ladder");
    expect(toContact?.text).toContain("2 December 2026");
    expect(mails.get(ADMIN)?.text).toContain("Modifications : description, début, fin");
    expect((await inApp(id)).map((n) => [n.kind, n.recipientProfileId])).toEqual([
      ["updated", seed.profileId(ADMIN, seed.acme.id)],
    ]);
  });
});

describe("an intervention done, then decided", () => {
  it("asks every verifier in the app (no e-mail); the decision reaches the assignees with the comment", async () => {
    const id = await preventive({ contactId: french.id, profileId: seed.profileId(CONSULTANT, seed.acme.id) });
    await send("PATCH", PATHS.preventive(id), { creationStatus: 2 });
    expect((await deliver()).size).toBe(0);
    const asked = (await inApp(id)).filter((n) => n.kind === "awaitingVerification");
    expect(asked.map((n) => n.recipientProfileId).sort()).toEqual([...seed.acme.verifierProfileIds].sort());
    const mine = asked.find((n) => n.recipientProfileId === seed.profileId("manager@acme.example", seed.acme.id));
    expect(mine?.title).toBe(`Intervention n° ${id} : terminée, à vérifier`);
    expect(asked.find((n) => n.recipientProfileId === seed.profileId(CONSULTANT, seed.acme.id))?.title).toBe(
      `Intervention #${id} is done and awaits your verification`,
    );

    await send("PATCH", PATHS.verify(id), {
      decision: 2,
      decisionComment: "Two extinguishers were not checked.",
      notificationId: mine?.id,
    });
    const mails = await deliver();
    expect([...mails.keys()].sort()).toEqual([CONSULTANT, french.email].sort());
    expect(mails.get(french.email)?.subject).toBe(`[Acme Properties] Intervention n° ${id} : refusée`);
    expect(mails.get(french.email)?.text).toContain("Commentaire : Two extinguishers were not checked.");
    expect(mails.get(CONSULTANT)?.subject).toBe(`[Acme Properties] Intervention #${id} has been rejected`);
    expectLink(mails.get(CONSULTANT), id);

    const after = await inApp(id);
    // The verification requests are settled; the member assignee has the decision, unread.
    expect(after.filter((n) => n.kind === "awaitingVerification").every((n) => n.readAt !== null)).toBe(true);
    expect(after.filter((n) => n.kind === "rejected").map((n) => [n.recipientProfileId, n.readAt, n.body])).toEqual([
      [seed.profileId(CONSULTANT, seed.acme.id), null, "Two extinguishers were not checked."],
    ]);
  });

  it("accepted: the assignees are told so", async () => {
    const id = await preventive({ contactId: english.id, profileId: null });
    await send("PATCH", PATHS.preventive(id), { creationStatus: 2 });
    await send("PATCH", PATHS.verify(id), { decision: 1, decisionComment: "Well done." });
    const mails = await deliver();
    expect([...mails.keys()]).toEqual([english.email]);
    expect(mails.get(english.email)?.subject).toBe(`[Acme Properties] Intervention #${id} has been accepted`);
    expect(mails.get(english.email)?.text).toContain("Comment: Well done.");
    const rows = await env.database.db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.interventionId, [id]));
    expect(rows.map((row) => [row.kind, row.locale, row.status])).toEqual([["accepted", "en", 2]]);
  });
});
