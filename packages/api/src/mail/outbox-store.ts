import { type Database, emailOutbox, OutboxStatus, organizations } from "@interventions/db";
import { and, eq, sql } from "drizzle-orm";

export type OutboxRow = typeof emailOutbox.$inferSelect;
export type AttemptedMessage = OutboxRow & { organizationName: string; timeZone: string };

/**
 * Counts an attempt at a pending message and reads what it needs to be sent. Null when the message is sent
 * or dead already: a job run again after a crash that followed the recording, or a stray copy of it.
 */
export async function startAttempt(db: Database, id: number): Promise<AttemptedMessage | null> {
  const [row] = await db
    .update(emailOutbox)
    .set({ attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, OutboxStatus.pending)))
    .returning();
  if (!row) return null;
  const [organization] = await db
    .select({ name: organizations.name, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  if (!organization) throw new Error(`the organization of message ${id} is gone`);
  return { ...row, organizationName: organization.name, timeZone: organization.timeZone };
}

/** Delivered. Not fenced by the attempt: whichever worker delivered it, it is delivered. */
export async function markSent(db: Database, id: number, now: Date): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: OutboxStatus.sent, sentAt: now, lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, OutboxStatus.pending)));
}

/**
 * The error of a failed attempt, kept on the row. Only the latest attempt writes it: a stalled worker whose
 * job was taken over by another does not overwrite what the newer attempt found.
 */
export async function recordFailure(
  db: Database,
  attempt: { id: number; attempts: number },
  error: string,
): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ lastError: error })
    .where(
      and(
        eq(emailOutbox.id, attempt.id),
        eq(emailOutbox.status, OutboxStatus.pending),
        eq(emailOutbox.attempts, attempt.attempts),
      ),
    );
}

/** Given up: kept, with what ended its last attempt, for someone to look at; never tried again. */
export async function markDead(db: Database, id: number, error: string): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: OutboxStatus.dead, lastError: error })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, OutboxStatus.pending)));
}
