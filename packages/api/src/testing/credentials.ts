import { type Database, DEMO_PASSWORD, demoCredentials } from "@interventions/db";
import { ACME, demoApiKey, LYCEE } from "@interventions/db/testing";
import type { SessionTokens } from "../auth/session-token";
import { signIn } from "../auth/sign-in";

// How tests authenticate as the demo's people: the demo's API keys and password, a session as the login
// route opens it, and the two headers a partner sends. Read from the demo's catalogue, never copied.

export { DEMO_PASSWORD };
export const ACME_KEY = demoApiKey(ACME);
export const LYCEE_KEY = demoApiKey(LYCEE);
/** How long the test handlers keep a session: what expiry cases move the clock past. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionDeps {
  db: Database;
  tokens: SessionTokens;
  now: Date;
}

/** A new session of a demo user, as POST /api/auth/login opens it. */
export function demoSession(deps: SessionDeps, email: string) {
  return signIn({ ...deps, sessionTtlMs: SESSION_TTL_MS }, { email, password: DEMO_PASSWORD });
}

/**
 * The API key of that organization and a new session token of that user: the two headers a partner
 * sends. Without a slug, the first demo organization the user belongs to.
 */
export async function partnerHeaders(
  deps: SessionDeps,
  email: string,
  organizationSlug?: string,
): Promise<Record<string, string>> {
  const organizations = demoCredentials();
  const organization =
    organizations.find((org) => org.slug === organizationSlug) ??
    organizations.find((org) => org.users.some((user) => user.email === email));
  if (!organization) throw new Error(`no demo organization for ${email}`);
  const session = await demoSession(deps, email);
  return { authorization: `Bearer ${organization.apiKey}`, "x-session-token": session.token };
}
