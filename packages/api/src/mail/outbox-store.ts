import { type Database, emailOutbox, OutboxStatus, organizations } from "@interventions/db";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";

export type OutboxRow = typeof emailOutbox.$inferSelect;
export type ClaimedMessage = OutboxRow & { organizationName: string; timeZone: string };

/**
 * Takes up to `limit` due messages for this worker. In one short transaction the rows are locked
 * (`SKIP LOCKED`: another worker claiming at the same moment takes other rows), their attempt is counted,
 * and their next attempt is pushed to the end of the lease; once committed, other workers leave them alone
 * until then. A worker that dies mid-send thus loses its claim when the lease ends, and the message is
 * taken again: delivery is at least once, never lost.
 */
export async function claimDueMessages(
  db: Database,
  { now, limit, leaseMs }: { now: Date; limit: number; leaseMs: number },
): Promise<ClaimedMessage[]> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, OutboxStatus.pending), lte(emailOutbox.nextAttemptAt, now)))
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(
        inArray(
          emailOutbox.id,
          due.map((row) => row.id),
        ),
      )
      .returning({ id: emailOutbox.id });
  });
  if (claimed.length === 0) return [];
  const rows = await db
    .select({ message: emailOutbox, organizationName: organizations.name, timeZone: organizations.timeZone })
    .from(emailOutbox)
    .innerJoin(organizations, eq(organizations.id, emailOutbox.organizationId))
    .where(
      inArray(
        emailOutbox.id,
        claimed.map((row) => row.id),
      ),
    )
    .orderBy(asc(emailOutbox.id));
  return rows.map((row) => ({ ...row.message, organizationName: row.organizationName, timeZone: row.timeZone }));
}

/** Delivered. Not fenced by the attempt: whichever worker delivered it, it is delivered. */
export async function markSent(db: Database, id: number, now: Date): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: OutboxStatus.sent, sentAt: now, lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, OutboxStatus.pending)));
}

/**
 * A failed attempt: retried at `retryAt`, or dead (kept, with the error, for someone to look at) when
 * `retryAt` is null. Only the worker holding the latest claim writes it: one whose lease ran out and whose
 * message was claimed again by another worker has its result ignored.
 */
export async function markFailed(
  db: Database,
  claim: { id: number; attempts: number },
  outcome: { error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .update(emailOutbox)
    .set(
      outcome.retryAt === null
        ? { status: OutboxStatus.dead, lastError: outcome.error }
        : { nextAttemptAt: outcome.retryAt, lastError: outcome.error },
    )
    .where(
      and(
        eq(emailOutbox.id, claim.id),
        eq(emailOutbox.status, OutboxStatus.pending),
        eq(emailOutbox.attempts, claim.attempts),
      ),
    );
}
