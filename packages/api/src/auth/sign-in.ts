import { type Database, sessions, users, verifyPassword } from "@interventions/db";
import { DomainError, ErrorCode, emailAddress, RateLimitedError, text } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { RateLimits } from "../limits/rate-limits";
import { isSessionId } from "./authenticate";
import type { SessionTokens } from "./session-token";

export const signInInput = z.strictObject({
  email: emailAddress,
  password: text({ min: 1, max: 1024 }),
});
export type SignInInput = z.infer<typeof signInInput>;

export interface SignInDeps {
  db: Database;
  tokens: SessionTokens;
  now: Date;
  sessionTtlMs: number;
  userAgent?: string | null;
  /** The failed-attempt limits, and the address the attempt comes from. */
  throttle?: { limits: RateLimits; address: string };
}

// Compared against when the e-mail is unknown, so that both failures take the same time.
const DUMMY_HASH = "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/**
 * E-mail and password → a new session and its token. One message for every failure: no account probing.
 * Past too many failures for the e-mail or from the address, refused at once, before the password is hashed
 * (each check costs the server ~0.4 s of scrypt), whether the e-mail has an account or not.
 */
export async function signIn(deps: SignInDeps, input: SignInInput) {
  const { throttle } = deps;
  if (throttle) {
    const wait = await throttle.limits.signInBlocked(input.email, throttle.address);
    if (wait !== null) {
      throw new RateLimitedError(wait, `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s)`);
    }
  }
  const [user] = await deps.db.select().from(users).where(eq(users.email, input.email.toLowerCase()));
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    await throttle?.limits.signInFailed(input.email, throttle.address);
    throw new DomainError(ErrorCode.unauthenticated, "Wrong e-mail or password");
  }
  await throttle?.limits.signInSucceeded(input.email);

  const expiresAt = new Date(deps.now.getTime() + deps.sessionTtlMs);
  const [session] = await deps.db
    .insert(sessions)
    .values({ userId: user.id, expiresAt, createdAt: deps.now, userAgent: deps.userAgent?.slice(0, 500) ?? null })
    .returning({ id: sessions.id });
  if (!session) throw new Error("session insert returned nothing");
  const token = await deps.tokens.sign({ userId: user.id, sessionId: session.id }, deps.now, expiresAt);
  return { token, sessionId: session.id, userId: user.id, expiresAt: expiresAt.toISOString() };
}

/** Revokes a session: its token stops working at once, before it expires. */
export async function signOut(db: Database, sessionId: string, now: Date): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}
