import { apiClients, type Database, hashApiKey, profiles, sessions } from "@interventions/db";
import { DomainError, ErrorCode } from "@interventions/domain";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Actor } from "../context";
import type { ActorCache } from "./actor-cache";
import type { SessionTokens } from "./session-token";

export interface Credentials {
  /** The `Authorization` header. */
  authorization: string | null;
  /** The `x-session-token` header. */
  sessionToken: string | null;
}

const unauthenticated = (message: string) => new DomainError(ErrorCode.unauthenticated, message);

/**
 * A partner request carries two credentials: an API key naming the organization (Bearer) and a user's
 * session token. Both must hold, and the user must be a member of that organization.
 */
export async function authenticateRequest(
  db: Database,
  tokens: SessionTokens,
  credentials: Credentials,
  now: Date,
  cache?: ActorCache<Actor>,
): Promise<Actor> {
  const apiKey = /^Bearer\s+(\S+)\s*$/i.exec(credentials.authorization ?? "")?.[1];
  if (!apiKey) throw unauthenticated("Missing or malformed Authorization header: expected 'Bearer <API key>'");
  if (!credentials.sessionToken) throw unauthenticated("Missing x-session-token header");

  const keyHash = hashApiKey(apiKey);
  const claims = await tokens.verify(credentials.sessionToken, now);
  // The usual case in one round trip: the key, the session and the profile joined. A request refused on
  // its session looks the key up alone first, so that an unknown key is still what a bad request is told.
  if (!claims || !isSessionId(claims.sessionId)) {
    if (!(await findApiClient(db, keyHash))) throw unauthenticated("Unknown or revoked API key");
    if (!claims) throw unauthenticated("Invalid or expired session token");
    throw unauthenticated("Session expired or signed out");
  }
  const cached = cache?.get(keyHash, claims.sessionId);
  if (cached && cached.userId === claims.userId) return cached;

  const [row] = await db
    .select({
      clientId: apiClients.id,
      organizationId: apiClients.organizationId,
      sessionUserId: sessions.userId,
      profileId: profiles.id,
      role: profiles.role,
      companyContactId: profiles.companyContactId,
    })
    .from(apiClients)
    .leftJoin(sessions, activeSession(claims.sessionId, now))
    .leftJoin(
      profiles,
      and(
        eq(profiles.userId, sessions.userId),
        eq(profiles.organizationId, apiClients.organizationId),
        isNull(profiles.deletedAt),
      ),
    )
    .where(and(eq(apiClients.keyHash, keyHash), isNull(apiClients.revokedAt)));
  if (!row) throw unauthenticated("Unknown or revoked API key");
  if (row.sessionUserId === null || row.sessionUserId !== claims.userId) {
    throw unauthenticated("Session expired or signed out");
  }
  if (row.profileId === null || row.role === null) {
    throw new DomainError(ErrorCode.forbidden, "This user is not a member of the API client's organization");
  }
  const actor: Actor = {
    userId: row.sessionUserId,
    profileId: row.profileId,
    organizationId: row.organizationId,
    role: row.role,
    companyContactId: row.companyContactId,
    apiClientId: row.clientId,
  };
  cache?.set(keyHash, claims.sessionId, actor);
  return actor;
}

async function findApiClient(db: Database, keyHash: string): Promise<{ id: number } | undefined> {
  const [client] = await db
    .select({ id: apiClients.id })
    .from(apiClients)
    .where(and(eq(apiClients.keyHash, keyHash), isNull(apiClients.revokedAt)));
  return client;
}

/** A session that exists, has not expired and was not revoked (the id must be a UUID already). */
function activeSession(sessionId: string, now: Date) {
  return and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now));
}

/** The user of a session that exists, has not expired and was not revoked. */
export async function activeSessionUser(db: Database, sessionId: string, now: Date): Promise<number | null> {
  if (!isSessionId(sessionId)) return null;
  const [session] = await db.select({ userId: sessions.userId }).from(sessions).where(activeSession(sessionId, now));
  return session?.userId ?? null;
}

/** Session ids are UUIDs; anything else is refused before it reaches a uuid column. */
export function isSessionId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** The actor a user is in one organization, or null when they are not a member. */
export async function profileActor(db: Database, userId: number, organizationId: number): Promise<Actor | null> {
  const [profile] = await db
    .select()
    .from(profiles)
    .where(and(eq(profiles.userId, userId), eq(profiles.organizationId, organizationId), isNull(profiles.deletedAt)));
  if (!profile) return null;
  return {
    userId,
    profileId: profile.id,
    organizationId,
    role: profile.role,
    companyContactId: profile.companyContactId,
    apiClientId: null,
  };
}
