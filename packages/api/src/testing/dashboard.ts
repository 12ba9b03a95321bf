import { ORGANIZATION_COOKIE, SESSION_COOKIE } from "../auth/browser-session";
import { demoSession } from "./credentials";
import { type TrpcExchange, trpcClient } from "./requests";
import { type ApiTestEnv, BASE_URL, TEST_NOW } from "./test-env";

// The dashboard's requests: a browser session (the cookies the dashboard sends) and a tRPC client that
// sends them, with the Origin/Host a page of this origin would send.

/** The host of BASE_URL, which every test request is addressed to. */
export const HOST = new URL(BASE_URL).host;
export const SAME_ORIGIN = { origin: BASE_URL, host: HOST };

/** A new session for a demo user, as the login route opens it; its token is what the cookie holds. */
export function browserSignIn(env: ApiTestEnv, email: string, now: Date = TEST_NOW) {
  return demoSession({ db: env.database.db, tokens: env.tokens, now }, email);
}

/** The Cookie header of a dashboard page: the session, and the chosen organization when there is one. */
export function sessionCookie(token: string, organization?: number | string): string {
  const parts = [`${SESSION_COOKIE}=${encodeURIComponent(token)}`];
  if (organization !== undefined) parts.push(`${ORGANIZATION_COOKIE}=${encodeURIComponent(String(organization))}`);
  return parts.join("; ");
}

/** A tRPC client that authenticates by cookie only, from a page of this origin unless told otherwise. */
export function cookieClient(
  env: ApiTestEnv,
  cookie: string,
  headers: Record<string, string> = SAME_ORIGIN,
  log: TrpcExchange[] = [],
) {
  return trpcClient(env, { cookie, ...headers }, log);
}

/** A signed-in dashboard user's client, working in that organization (or their first one). */
export async function dashboardClient(env: ApiTestEnv, email: string, organizationId?: number) {
  const session = await browserSignIn(env, email);
  return cookieClient(env, sessionCookie(session.token, organizationId));
}

export type DashboardClient = ReturnType<typeof cookieClient>;
