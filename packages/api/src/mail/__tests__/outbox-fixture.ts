import { randomUUID } from "node:crypto";
import { type DatabaseHandle, emailOutbox, interventions, organizations } from "@interventions/db";
import { createTestDatabase } from "@interventions/db/testing";
import { CreationStatus, InterventionStatus, InterventionType } from "@interventions/domain";
import { asc, eq } from "drizzle-orm";
import type { MessagePayload } from "../message-kinds";

export const T0 = new Date("2026-11-23T10:00:00.000Z");
export const APP_URL = "https://interventions.example";
export const FROM = "Interventions <no-reply@interventions.example>";

export interface OutboxFixture {
  database: DatabaseHandle;
  organizationId: number;
  interventionId: number;
  /** Writes `count` pending messages due at T0, to `to-<n>@example.com` unless told otherwise. */
  queue(count: number, recipient?: (index: number) => string): Promise<string[]>;
  rows(): Promise<(typeof emailOutbox.$inferSelect)[]>;
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
export async function createOutboxFixture(): Promise<OutboxFixture> {
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

  return {
    database,
    organizationId: organization.id,
    interventionId: intervention.id,
    async queue(count, recipient = (index) => `to-${index}@example.com`) {
      const rows = Array.from({ length: count }, (_, index) => ({
        organizationId: organization.id,
        interventionId: intervention.id,
        kind: "assigned",
        recipientEmail: recipient(index),
        recipientName: `Recipient ${index}`,
        locale: "en",
        payload,
        messageId: `<${randomUUID()}@interventions.test>`,
        nextAttemptAt: T0,
        createdAt: T0,
      }));
      await db.insert(emailOutbox).values(rows);
      return rows.map((row) => row.messageId);
    },
    rows: () =>
      db.select().from(emailOutbox).where(eq(emailOutbox.organizationId, organization.id)).orderBy(asc(emailOutbox.id)),
    close: () => database.close(),
  };
}
