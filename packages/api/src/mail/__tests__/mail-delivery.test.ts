import { emailOutbox, OutboxStatus } from "@interventions/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Worker } from "../../jobs/job-engine";
import { createMailTransport } from "../create-mail-transport";
import type { MailTransport } from "../mail-transport";
import { workMail } from "../work-mail";
import { APP_URL, createOutboxFixture, FROM, type OutboxFixture } from "./outbox-fixture";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

// The outbox on the job engine against real SMTP servers: a committed change's e-mail goes out, a rolled-back
// one leaves nothing, a refused address is dead at once, and two workers share the outbox without a copy.

const POLL = { timeout: 15_000, interval: 50 };
let fixture: OutboxFixture;
let sink: SmtpSink;
let transport: MailTransport;
let workers: Worker[] = [];

beforeAll(async () => {
  fixture = await createOutboxFixture({ attempts: 3, retryDelaySeconds: 1, expireInSeconds: 10 });
  sink = await startSmtpSink();
  transport = createMailTransport({ smtpUrl: sink.url, directory: "/nonexistent" });
});
afterAll(async () => {
  await transport.close();
  await sink.stop();
  await fixture.close();
});
beforeEach(async () => {
  for (const worker of workers) await worker.stop();
  workers = [];
  sink.received.length = 0;
});

async function worker(through: MailTransport = transport): Promise<Worker> {
  const engine = await fixture.engine();
  const options = { db: fixture.database.db, transport: through, appUrl: APP_URL, from: FROM, log: () => {} };
  const started = await workMail(engine, options);
  workers.push(started);
  return started;
}

const statuses = async (messageIds: string[]) =>
  (await fixture.rows()).filter((row) => messageIds.includes(row.messageId)).map((row) => row.status);

it("delivers a committed change's e-mail, with the outbox row's Message-ID, and records it sent", async () => {
  await worker();
  const [messageId] = await fixture.queue(1, () => "ada@example.com");
  await sink.whenReceived(1);
  const [mail] = sink.received;
  expect(mail?.messageId).toBe(messageId);
  expect(mail?.to).toMatchObject({ value: [{ address: "ada@example.com", name: "Recipient 0" }] });
  expect(mail?.subject).toBe("[Acme Properties] Intervention #1 has been assigned to you");
  await expect.poll(() => statuses([messageId ?? ""]), POLL).toEqual([OutboxStatus.sent]);
  const row = (await fixture.rows()).find((r) => r.messageId === messageId);
  expect(row).toMatchObject({ attempts: 1, lastError: null });
  expect(row?.sentAt).toBeInstanceOf(Date);
});

it("a rolled-back change leaves neither an outbox row nor a job", async () => {
  const [rowsBefore, jobsBefore] = [(await fixture.rows()).length, (await fixture.mailJobs()).length];
  const refused = new Error("the change is refused");
  await expect(
    fixture.queue(
      2,
      (index) => `never-${index}@example.com`,
      () => {
        throw refused;
      },
    ),
  ).rejects.toBe(refused);
  expect((await fixture.rows()).length).toBe(rowsBefore);
  expect((await fixture.mailJobs()).length).toBe(jobsBefore);
  // …whereas a committed one has both.
  await fixture.queue(1);
  expect((await fixture.rows()).length).toBe(rowsBefore + 1);
  expect((await fixture.mailJobs()).length).toBe(jobsBefore + 1);
});

it("does not retry an address the server refuses for good (5xx): dead at once; the others are delivered", async () => {
  sink.rejectRecipients(["nobody@example.com"]);
  const messageIds = await fixture.queue(3, (index) =>
    index === 1 ? "nobody@example.com" : `to-${index}@example.com`,
  );
  await worker();
  await expect
    .poll(() => statuses(messageIds), POLL)
    .toEqual([OutboxStatus.sent, OutboxStatus.dead, OutboxStatus.sent]);
  const dead = (await fixture.rows()).find((row) => row.messageId === messageIds[1]);
  expect(dead).toMatchObject({ attempts: 1, sentAt: null });
  expect(dead?.lastError).toMatch(/550|unavailable/i);
  // Its job was failed without a retry.
  const jobs = (await fixture.mailJobs()).slice(-3);
  expect(jobs.map((job) => [job.state, job.retryCount])).toEqual([
    ["completed", 0],
    ["failed", 0],
    ["completed", 0],
  ]);
  const ours = sink.received.map((mail) => mail.messageId).filter((id) => id && messageIds.includes(id));
  expect(ours.sort()).toEqual([messageIds[0], messageIds[2]].sort());
});

it("gives up at once on a row it cannot read", async () => {
  const [messageId] = await fixture.queue(1);
  await fixture.database.db
    .update(emailOutbox)
    .set({ kind: "no-such-kind" })
    .where(eq(emailOutbox.messageId, messageId ?? ""));
  await worker();
  await expect.poll(() => statuses([messageId ?? ""]), POLL).toEqual([OutboxStatus.dead]);
  const row = (await fixture.rows()).find((r) => r.messageId === messageId);
  expect(row).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/unreadable outbox row/) });
  expect(sink.received).toEqual([]);
});

it("two workers running together deliver each message exactly once", async () => {
  // Each worker sends through an SMTP server of its own, so that what each delivered can be told apart.
  const second = await startSmtpSink();
  const secondTransport = createMailTransport({ smtpUrl: second.url, directory: "/nonexistent" });
  try {
    const messageIds = await fixture.queue(30);
    await Promise.all([worker(), worker(secondTransport)]);
    await expect.poll(() => sink.received.length + second.received.length, POLL).toBe(30);
    await expect.poll(async () => new Set(await statuses(messageIds)), POLL).toEqual(new Set([OutboxStatus.sent]));
    const delivered = [...sink.received, ...second.received].map((mail) => mail.messageId);
    expect(delivered.sort()).toEqual([...messageIds].sort());
    expect(sink.received.length).toBeGreaterThan(0);
    expect(second.received.length).toBeGreaterThan(0);
    const rows = (await fixture.rows()).filter((row) => messageIds.includes(row.messageId));
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  } finally {
    for (const started of workers) await started.stop();
    workers = [];
    await secondTransport.close();
    await second.stop();
  }
});
