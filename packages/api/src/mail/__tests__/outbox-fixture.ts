import { randomUUID } from "node:crypto";
import { type DatabaseHandle, emailOutbox, interventions, organizations, selectRows } from "@interventions/db";
import { createTestDatabase } from "@interventions/db/testing";
import { CreationStatus, InterventionStatus, InterventionType } from "@interventions/domain";
import { asc, eq, gt, sql } from "drizzle-orm";
import { createJobEngine, type JobEngine } from "../../jobs/job-engine";
import type { QueuePolicy } from "../../jobs/queue-policy";
import { TEST_TIMINGS } from "../../testing";
import type { MessagePayload } from "../message-kinds";
import { queueEmails } from "../queue-email";

export const T0 = new Date("2026-11-23T10:00:00.000Z");
export const APP_URL = "https://interventions.example";
export const FROM = "Interventions <no-reply@interventions.example>";

/** A mail job as pg-boss keeps it: what the tests read of its attempts and their timing. */
export interface MailJobRow {
  id: string;
  outboxId: number;
  state: string;
  retryCount: number;
  /** Epoch milliseconds: the same number on both drivers. */
  startedOnMs: number | null;
  startAfterMs: number;
}

export interface OutboxFixture {
  database: DatabaseHandle;
  organizationId: number;
  /** A started engine on the fixture's database (one per worker process a test plays), stopped at close. */
  engine(): Promise<JobEngine>;
  /**
   * Queues `count` messages in one transaction, as a verb does (`queueEmails`), to `to-<n>@example.com`
   * unless told otherwise; their Message-IDs. A `then` that throws rolls the transaction back.
   */
  queue(count: number, recipient?: (index: number) => string, then?: () => void): Promise<string[]>;
  rows(): Promise<(typeof emailOutbox.$inferSelect)[]>;
  /** The mail queue's jobs in pg-boss's own table, in the order of their outbox rows. */
  mailJobs(): Promise<MailJobRow[]>;
  close(): Promise<void>;
}

const payload: MessagePayload = {
  intervention: {
    type: InterventionType.preventive,
    description: "Yearly extinguisher check",
    scheduledStart: "2026-12-01T08:00:00.000Z",
    scheduledEnd: "2026-12-01T10:00:00.000Z",
  },
};

/** A migrated database with one organization, one intervention, and an outbox to fill: no demo needed. */
export async function createOutboxFixture(policy: Partial<QueuePolicy>): Promise<OutboxFixture> {
  const database = await createTestDatabase();
  const { db } = database;
  const [organization] = await db
    .insert(organizations)
    .values({ name: "Acme Properties", slug: `acme-${randomUUID()}` })
    .returning({ id: organizations.id });
  if (!organization) throw new Error("no organization");
  const [intervention] = await db
    .insert(interventions)
    .values({
      organizationId: organization.id,
      type: InterventionType.preventive,
      status: InterventionStatus.toSchedule,
      creationStatus: CreationStatus.toScheduled,
      scheduledStart: new Date(payload.intervention.scheduledStart),
      scheduledEnd: new Date(payload.intervention.scheduledEnd),
    })
    .returning({ id: interventions.id });
  if (!intervention) throw new Error("no intervention");

  const engines: JobEngine[] = [];
  async function engine() {
    const started = createJobEngine({ database, policies: { mail: policy }, timings: TEST_TIMINGS });
    await started.start();
    engines.push(started);
    return started;
  }
  // The app's own engine: it enqueues, and works nothing unless a test says so.
  const producer = await engine();

  return {
    database,
    organizationId: organization.id,
    engine,
    async queue(count, recipient = (index) => `to-${index}@example.com`, then = () => {}) {
      const [last] = await db
        .select({ id: sql`coalesce(max(${emailOutbox.id}), 0)`.mapWith(Number) })
        .from(emailOutbox);
      await db.transaction(async (tx) => {
        const ctx = { actor: { organizationId: organization.id }, now: T0, jobs: producer };
        await queueEmails(
          tx,
          ctx,
          Array.from({ length: count }, (_, index) => ({
            interventionId: intervention.id,
            kind: "assigned" as const,
            recipient: { email: recipient(index), name: `Recipient ${index}`, locale: "en" },
            payload,
          })),
        );
        then();
      });
      const rows = await db
        .select({ messageId: emailOutbox.messageId })
        .from(emailOutbox)
        .where(gt(emailOutbox.id, last?.id ?? 0))
        .orderBy(asc(emailOutbox.id));
      return rows.map((row) => row.messageId);
    },
    rows: () =>
      db.select().from(emailOutbox).where(eq(emailOutbox.organizationId, organization.id)).orderBy(asc(emailOutbox.id)),
    mailJobs: () =>
      selectRows<MailJobRow>(
        db,
        sql`select id, (data->>'outboxId')::int as "outboxId", state::text, retry_count as "retryCount",
              (extract(epoch from started_on) * 1000)::float8 as "startedOnMs",
              (extract(epoch from start_after) * 1000)::float8 as "startAfterMs"
            from jobs.job where name = 'mail' order by "outboxId"`,
      ),
    async close() {
      for (const started of engines) await started.stop({ graceful: false });
      await database.close();
    },
  };
}
