import { type Executor, sessions } from "@interventions/db";
import { and, eq, gt, isNull } from "drizzle-orm";

/** Ends every live session of a user at once (their tokens stop working); returns how many were live. */
export async function revokeAllSessions(db: Executor, userId: number, now: Date): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .returning({ id: sessions.id });
  return revoked.length;
}
