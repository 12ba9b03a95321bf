import { type Database, organizations, profiles } from "@interventions/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "../context";
import { activeSessionUser, profileActor } from "./authenticate";
import type { SessionTokens } from "./session-token";

/** The dashboard's cookies: the session token (httpOnly) and the organization the user is working in. */
export const SESSION_COOKIE = "interventions_session";
export const ORGANIZATION_COOKIE = "interventions_organization";

export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      // A malformed escape is no credential: the request is anonymous, not an error.
      return null;
    }
  }
  return null;
}

export interface BrowserSession {
  token: string | null;
  /** The organization chosen in the dashboard; the user's first one when unset or no longer theirs. */
  organizationId: number | null;
}

/** The dashboard's session as its cookies hold it, whatever reads them (a Cookie header, Next's cookie jar). */
export function readBrowserSession(cookie: (name: string) => string | null | undefined): BrowserSession {
  const organizationId = Number(cookie(ORGANIZATION_COOKIE) ?? Number.NaN);
  return {
    token: cookie(SESSION_COOKIE) ?? null,
    organizationId: Number.isSafeInteger(organizationId) ? organizationId : null,
  };
}

/** The actor behind a dashboard session, or null when the session is missing, expired or signed out. */
export async function actorFromBrowserSession(
  db: Database,
  tokens: SessionTokens,
  session: BrowserSession,
  now: Date,
): Promise<Actor | null> {
  if (!session.token) return null;
  const claims = await tokens.verify(session.token, now);
  if (!claims) return null;
  const userId = await activeSessionUser(db, claims.sessionId, now);
  if (userId === null || userId !== claims.userId) return null;
  if (session.organizationId !== null) {
    const chosen = await profileActor(db, userId, session.organizationId);
    if (chosen) return chosen;
  }
  const [first] = await membershipsOf(db, userId);
  return first ? profileActor(db, userId, first.organizationId) : null;
}

/** The organizations a user has a profile in, by name. */
export function membershipsOf(db: Database, userId: number) {
  return db
    .select({
      organizationId: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      timeZone: organizations.timeZone,
      role: profiles.role,
    })
    .from(profiles)
    .innerJoin(organizations, eq(organizations.id, profiles.organizationId))
    .where(and(eq(profiles.userId, userId), isNull(profiles.deletedAt)))
    .orderBy(asc(organizations.name));
}
