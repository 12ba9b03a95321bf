import { emailOutbox, OutboxStatus } from "@interventions/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailTransport } from "../create-mail-transport";
import type { MailTransport } from "../mail-transport";
import { createMailWorker, type MailWorkerOptions } from "../mail-worker";
import { claimDueMessages, markFailed } from "../outbox-store";
import { APP_URL, createOutboxFixture, FROM, type OutboxFixture, T0 } from "./outbox-fixture";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

// The delivery worker against a real SMTP server: retries while it is down, gives up into a dead state,
// and several workers together send each message once. Time is the worker's clock, moved by the tests.

let fixture: OutboxFixture;
let sink: SmtpSink;
let transport: MailTransport;
let now: Date;
const MINUTE = 60_000;

beforeAll(async () => {
  fixture = await createOutboxFixture();
  sink = await startSmtpSink();
  transport = createMailTransport({ smtpUrl: sink.url, directory: "/nonexistent" });
});
afterAll(async () => {
  await transport.close();
  await sink.stop();
  await fixture.close();
});
beforeEach(async () => {
  await fixture.database.db.delete(emailOutbox);
  sink.received.length = 0;
  now = T0;
});

function worker(options: Partial<MailWorkerOptions> = {}) {
  return createMailWorker({
    db: fixture.database.db,
    transport,
    appUrl: APP_URL,
    from: FROM,
    clock: () => now,
    maxAttempts: 5,
    backoff: { baseMs: MINUTE, maxMs: 10 * MINUTE },
    log: () => {},
    ...options,
  });
}

const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

describe("with the SMTP server down", () => {
  it("retries later with exponential backoff, and delivers every message once it is back", async () => {
    const messageIds = await fixture.queue(3);
    const mail = worker();
    await sink.stop();
    try {
      expect(await mail.runOnce()).toEqual({ claimed: 3, sent: 0, retried: 3, dead: 0 });
      for (const row of await fixture.rows()) {
        expect(row).toMatchObject({ status: OutboxStatus.pending, attempts: 1, sentAt: null });
        expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
        expect(row.nextAttemptAt).toEqual(new Date(T0.getTime() + MINUTE));
      }
      // Not due yet: nothing is tried.
      expect((await mail.runOnce()).claimed).toBe(0);
      later(MINUTE);
      expect(await mail.runOnce()).toMatchObject({ claimed: 3, retried: 3 });
      // The wait doubles after the second failure.
      expect((await fixture.rows()).map((row) => row.nextAttemptAt)).toEqual(
        Array(3).fill(new Date(now.getTime() + 2 * MINUTE)),
      );
    } finally {
      await sink.restart();
    }
    later(2 * MINUTE);
    expect(await mail.runOnce()).toEqual({ claimed: 3, sent: 3, retried: 0, dead: 0 });
    expect(sink.received.map((message) => message.messageId).sort()).toEqual(messageIds.sort());
    for (const row of await fixture.rows()) {
      expect(row).toMatchObject({ status: OutboxStatus.sent, attempts: 3, sentAt: now, lastError: null });
    }
    // Nothing is sent twice.
    later(60 * MINUTE);
    expect((await mail.runOnce()).claimed).toBe(0);
    expect(sink.received).toHaveLength(3);
  });

  it("gives up after the last attempt: the message is dead, with its last error, and never tried again", async () => {
    await fixture.queue(1);
    const mail = worker({ maxAttempts: 3 });
    await sink.stop();
    try {
      const results = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        results.push(await mail.runOnce());
        later(10 * MINUTE);
      }
      expect(results.map((result) => [result.retried, result.dead])).toEqual([
        [1, 0],
        [1, 0],
        [0, 1],
      ]);
      const [row] = await fixture.rows();
      expect(row).toMatchObject({ status: OutboxStatus.dead, attempts: 3, sentAt: null });
      expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await sink.restart();
    }
    later(24 * 60 * MINUTE);
    expect((await mail.runOnce()).claimed).toBe(0);
    expect(sink.received).toEqual([]);
  });
});

it("does not retry an address the server refuses for good (5xx); the others are delivered", async () => {
  await fixture.queue(3, (index) => (index === 1 ? "nobody@example.com" : `to-${index}@example.com`));
  sink.rejectRecipients(["nobody@example.com"]);
  expect(await worker().runOnce()).toEqual({ claimed: 3, sent: 2, retried: 0, dead: 1 });
  const rows = await fixture.rows();
  expect(rows.map((row) => row.status)).toEqual([OutboxStatus.sent, OutboxStatus.dead, OutboxStatus.sent]);
  expect(rows[1]?.lastError).toMatch(/550|unavailable/i);
});

it("two workers running together deliver each message exactly once", async () => {
  const messageIds = await fixture.queue(24);
  const first = worker({ batchSize: 4 });
  const second = worker({ batchSize: 4 });
  let [byFirst, bySecond] = [0, 0];
  for (;;) {
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    byFirst += a.claimed;
    bySecond += b.claimed;
    if (a.claimed + b.claimed === 0) break;
  }
  // Both took a share, and between them every message went out once.
  expect(byFirst).toBeGreaterThan(0);
  expect(bySecond).toBeGreaterThan(0);
  expect(byFirst + bySecond).toBe(24);
  expect(sink.received.map((message) => message.messageId).sort()).toEqual(messageIds.sort());
  expect((await fixture.rows()).every((row) => row.status === OutboxStatus.sent && row.attempts === 1)).toBe(true);
});

it("start() delivers in the background until stop(), which waits for the pass under way", async () => {
  await fixture.queue(2);
  const mail = worker({ pollIntervalMs: 60 * MINUTE });
  mail.start();
  await sink.whenReceived(2);
  await mail.stop();
  expect((await fixture.rows()).map((row) => row.status)).toEqual([OutboxStatus.sent, OutboxStatus.sent]);
});

describe("a worker that dies or stalls", () => {
  const LEASE = 10 * MINUTE;

  it("dead after sending, before recording it: the message is sent again after the lease, same Message-ID", async () => {
    const [messageId] = await fixture.queue(1);
    // A worker claims the message, sends it, and dies before marking it sent.
    const [claimed] = await claimDueMessages(fixture.database.db, { now, limit: 10, leaseMs: LEASE });
    await transport.send({
      from: FROM,
      to: { name: null, address: claimed?.recipientEmail ?? "" },
      subject: "sent before the crash",
      text: "",
      html: "",
      messageId: claimed?.messageId ?? "",
    });
    const mail = worker({ leaseMs: LEASE });
    // Within the lease, other workers leave it alone.
    later(LEASE - 1);
    expect((await mail.runOnce()).claimed).toBe(0);
    later(1);
    expect(await mail.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    // At least once: the recipient can tell the copies are one message.
    expect(sink.received.map((message) => message.messageId)).toEqual([messageId, messageId]);
    expect((await fixture.rows())[0]).toMatchObject({ status: OutboxStatus.sent, attempts: 2 });
  });

  it("a stalled worker's late failure does not undo the claim of the worker that took over", async () => {
    await fixture.queue(1);
    const db = fixture.database.db;
    const [stale] = await claimDueMessages(db, { now, limit: 1, leaseMs: LEASE });
    later(LEASE);
    const [current] = await claimDueMessages(db, { now, limit: 1, leaseMs: LEASE });
    expect([stale?.attempts, current?.attempts]).toEqual([1, 2]);
    await markFailed(db, { id: stale?.id ?? 0, attempts: 1 }, { error: "too late", retryAt: null });
    expect((await fixture.rows())[0]).toMatchObject({
      status: OutboxStatus.pending,
      attempts: 2,
      lastError: null,
      nextAttemptAt: new Date(now.getTime() + LEASE),
    });
  });
});
