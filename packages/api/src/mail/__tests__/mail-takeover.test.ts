import { OutboxStatus } from "@interventions/db";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { JobEngine, Worker } from "../../jobs/job-engine";
import { createMailTransport } from "../create-mail-transport";
import type { MailTransport } from "../mail-transport";
import { workMail } from "../work-mail";
import { APP_URL, createOutboxFixture, FROM, type OutboxFixture } from "./outbox-fixture";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

// A worker that dies or hangs in the middle of a send loses nothing: another worker sends the message, with
// the same Message-ID, and the one that was cut off cannot undo what the other recorded.

const POLL = { timeout: 20_000, interval: 50 };
let fixture: OutboxFixture;
let sink: SmtpSink;
let transport: MailTransport;
const workers: Worker[] = [];

beforeAll(async () => {
  // A short expiry, so that a hung attempt is taken over within the test.
  fixture = await createOutboxFixture({ attempts: 3, retryDelaySeconds: 1, expireInSeconds: 2 });
  sink = await startSmtpSink();
  transport = createMailTransport({ smtpUrl: sink.url, directory: "/nonexistent" });
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await transport.close();
  await sink.stop();
  await fixture.close();
});
beforeEach(() => {
  sink.received.length = 0;
});

async function worker(engine?: JobEngine): Promise<Worker> {
  const options = { db: fixture.database.db, transport, appUrl: APP_URL, from: FROM, log: () => {} };
  const started = await workMail(engine ?? (await fixture.engine()), options);
  workers.push(started);
  return started;
}

const latestRow = async () => (await fixture.rows()).at(-1);

it("a worker stopped mid-send without grace: another worker delivers the message, same Message-ID", async () => {
  const held = sink.holdNext();
  try {
    const [messageId] = await fixture.queue(1);
    const dying = await fixture.engine();
    await worker(dying);
    await held.reached;
    await dying.stop({ graceful: false });
    await worker();
    await expect.poll(async () => (await latestRow())?.status, POLL).toBe(OutboxStatus.sent);
    expect(sink.received.map((mail) => mail.messageId)).toEqual([messageId]);
    expect(await latestRow()).toMatchObject({ attempts: 2, lastError: null });
    expect((await fixture.mailJobs()).at(-1)).toMatchObject({ state: "completed", retryCount: 1 });
  } finally {
    held.release();
  }
});

it("a worker hung past the expiry: the message is taken over, and the late failure changes nothing", async () => {
  const held = sink.holdNext();
  const [messageId] = await fixture.queue(1);
  await worker();
  await held.reached;
  // The hung worker's engine gives up on the attempt after 2 s; the retry goes to a worker that is free.
  await worker();
  await expect.poll(async () => (await latestRow())?.status, POLL).toBe(OutboxStatus.sent);
  expect(sink.received.map((mail) => mail.messageId)).toEqual([messageId]);
  // The hung send now fails; its attempt is not the latest, so the row keeps what the other worker wrote.
  held.release();
  await expect.poll(async () => (await fixture.mailJobs()).at(-1), POLL).toMatchObject({ state: "completed" });
  expect(await latestRow()).toMatchObject({ status: OutboxStatus.sent, attempts: 2, lastError: null });
});
