import { OutboxStatus } from "@interventions/db";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Worker } from "../../jobs/job-engine";
import { createMailTransport } from "../create-mail-transport";
import type { MailTransport } from "../mail-transport";
import { workMail } from "../work-mail";
import { APP_URL, createOutboxFixture, FROM, type MailJobRow, type OutboxFixture } from "./outbox-fixture";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

// An SMTP server that is down: each failed attempt is recorded and retried later, the wait doubling (as the
// job's own schedule shows), until the message is delivered or given up after its last attempt.

const POLL = { timeout: 20_000, interval: 50 };
/** What an attempt costs on top of the wait it schedules (the refused connection, two updates). */
const SLACK_MS = 1_000;
let fixture: OutboxFixture;
let sink: SmtpSink;
let transport: MailTransport;
let worker: Worker;

beforeAll(async () => {
  fixture = await createOutboxFixture({ attempts: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 60 });
  sink = await startSmtpSink();
  transport = createMailTransport({ smtpUrl: sink.url, directory: "/nonexistent" });
  const options = { db: fixture.database.db, transport, appUrl: APP_URL, from: FROM, log: () => {} };
  worker = await workMail(await fixture.engine(), options);
});
afterAll(async () => {
  await worker.stop();
  await transport.close();
  await sink.stop();
  await fixture.close();
});
beforeEach(() => {
  sink.received.length = 0;
});

const latestRow = async () => (await fixture.rows()).at(-1);
const latestJob = async () => (await fixture.mailJobs()).at(-1);

/** The job once its attempt number `retryCount + 1` has failed and its next one is scheduled. */
async function failedAttempt(retryCount: number): Promise<MailJobRow> {
  await expect.poll(latestJob, POLL).toMatchObject({ state: "retry", retryCount });
  const job = await latestJob();
  if (!job) throw new Error("no job");
  return job;
}

/** The wait the engine scheduled after a failed attempt: from the attempt's start to the next one. */
const waitAfter = (job: MailJobRow) => job.startAfterMs - (job.startedOnMs ?? Number.NaN);

it("retries with exponential backoff while the server is down, then delivers with the same Message-ID", async () => {
  await sink.stop();
  let messageId: string | undefined;
  try {
    [messageId] = await fixture.queue(1);
    const first = await failedAttempt(0);
    expect(await latestRow()).toMatchObject({ status: OutboxStatus.pending, attempts: 1, sentAt: null });
    expect((await latestRow())?.lastError).toMatch(/ECONNREFUSED|connect/i);
    const second = await failedAttempt(1);
    expect(await latestRow()).toMatchObject({ status: OutboxStatus.pending, attempts: 2 });
    // 1 s, then 2 s, each with up to as much again at random (pg-boss's jitter).
    expect(waitAfter(first)).toBeGreaterThanOrEqual(1_000);
    expect(waitAfter(first)).toBeLessThanOrEqual(2_000 + SLACK_MS);
    expect(waitAfter(second)).toBeGreaterThanOrEqual(2_000);
    expect(waitAfter(second)).toBeLessThanOrEqual(4_000 + SLACK_MS);
  } finally {
    await sink.restart();
  }
  await expect.poll(async () => (await latestRow())?.status, POLL).toBe(OutboxStatus.sent);
  expect(sink.received.map((mail) => mail.messageId)).toEqual([messageId]);
  expect(await latestRow()).toMatchObject({ attempts: 3, lastError: null });
  expect(await latestJob()).toMatchObject({ state: "completed", retryCount: 2 });
});

it("gives a message up after its last attempt: dead, with its last error, and never tried again", async () => {
  await sink.stop();
  try {
    await fixture.queue(1);
    await expect.poll(async () => (await latestRow())?.status, POLL).toBe(OutboxStatus.dead);
    const row = await latestRow();
    expect(row).toMatchObject({ attempts: 3, sentAt: null });
    expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Failed is final for the engine: no attempt is scheduled any more.
    expect(await latestJob()).toMatchObject({ state: "failed", retryCount: 2 });
  } finally {
    await sink.restart();
  }
  expect(sink.received).toEqual([]);
});
