import { randomUUID } from "node:crypto";
import { sessions } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionTokens, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../../auth/session-token";
import {
  ACME,
  ACME_KEY,
  type ApiTestEnv,
  createApiTestEnv,
  DEMO_PASSWORD,
  documentedCalls,
  expectUnauthenticated,
  jsonRequest,
  login,
  SESSION_TTL_MS,
  seededIntervention,
  TEST_NOW,
  writeCounts,
} from "../../testing";

// The x-session-token credential: a JWT naming a live session of a user. Every way it can fail is a 401
// on every documented path, with nothing written.

const HOUR = 60 * 60 * 1000;
const later = new Date(TEST_NOW.getTime() + HOUR);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

let env: ApiTestEnv;
let preventiveId: number;
const bad: Record<string, string> = {};

interface Session {
  token: string;
  sessionId: string;
  userId: number;
  expiresAt: string;
}

async function signInAs(email: string): Promise<Session> {
  const response = await login(env, { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Session }).data;
}

beforeAll(async () => {
  env = await createApiTestEnv();
  preventiveId = await seededIntervention(env.database.db, ACME, {
    type: InterventionType.preventive,
    status: InterventionStatus.scheduled,
  });
  const manager = await signInAs("manager@acme.example");
  const admin = await signInAs("admin@acme.example");
  const [header, payload, signature] = manager.token.split(".");
  // The token every bad variant is made from works as it is.
  expect((await probe(manager.token)).status).toBe(200);

  const revoked = await signInAs("manager@acme.example");
  const logout = await env.auth(jsonRequest("POST", "/api/auth/logout", { "x-session-token": revoked.token }));
  expect(logout.status).toBe(204);

  const staleRow = await signInAs("manager@acme.example");
  await env.database.db
    .update(sessions)
    .set({ expiresAt: new Date(TEST_NOW.getTime() - 1000) })
    .where(eq(sessions.id, staleRow.sessionId));

  Object.assign(bad, {
    "a malformed token": "not-a-jwt",
    "three dots of garbage": "a.b.c",
    "a truncated token": manager.token.slice(0, -5),
    "a token signed with another secret": await new SessionTokens("another-secret-of-enough-length-000").sign(
      { userId: manager.userId, sessionId: manager.sessionId },
      TEST_NOW,
      later,
    ),
    "an unsigned token (alg none)": `${b64({ alg: "none", typ: "JWT" })}.${payload}.`,
    "a token whose payload was changed": `${header}.${b64({
      ...JSON.parse(Buffer.from(payload ?? "", "base64url").toString()),
      userId: String(admin.userId),
    })}.${signature}`,
    "a token that expired (exp in the past)": await env.tokens.sign(
      { userId: manager.userId, sessionId: manager.sessionId },
      new Date(TEST_NOW.getTime() - 2 * HOUR),
      new Date(TEST_NOW.getTime() - HOUR),
    ),
    "a token of a signed-out session": revoked.token,
    "a token whose session row does not exist": await env.tokens.sign(
      { userId: manager.userId, sessionId: randomUUID() },
      TEST_NOW,
      later,
    ),
    "a token whose session id is not a UUID": await env.tokens.sign(
      { userId: manager.userId, sessionId: "1 or 1=1" },
      TEST_NOW,
      later,
    ),
    "a token naming another user than its session's": await env.tokens.sign(
      { userId: admin.userId, sessionId: manager.sessionId },
      TEST_NOW,
      later,
    ),
    "a token whose session row has expired": staleRow.token,
    // Signed with the right key, but not a session token of this API: made for another audience or issuer.
    "a token for another audience": await forged(manager, { issuer: TOKEN_ISSUER, audience: "another-api" }),
    "a token from another issuer": await forged(manager, { issuer: "another-issuer", audience: TOKEN_AUDIENCE }),
    "a token without issuer or audience": await forged(manager, {}),
    "an empty x-session-token": "",
  });
});
afterAll(async () => {
  env.setNow(TEST_NOW);
  await env.close();
});

/** A token signed with the environment's own key, with the issuer and audience given (or none). */
function forged(session: Session, claims: { issuer?: string; audience?: string }): Promise<string> {
  const jwt = new SignJWT({ userId: String(session.userId), sessionId: session.sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(Math.floor(TEST_NOW.getTime() / 1000))
    .setExpirationTime(Math.floor(later.getTime() / 1000));
  if (claims.issuer) jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt.setAudience(claims.audience);
  return jwt.sign(new TextEncoder().encode(env.sessionSecret));
}

function probe(sessionToken: string) {
  return env.rest(
    jsonRequest(
      "PATCH",
      `/interventions/v2/rs/preventive/${preventiveId}`,
      {
        authorization: `Bearer ${ACME_KEY}`,
        "x-session-token": sessionToken,
      },
      {},
    ),
  );
}

const LABELS = [
  "a malformed token",
  "three dots of garbage",
  "a truncated token",
  "a token signed with another secret",
  "an unsigned token (alg none)",
  "a token whose payload was changed",
  "a token that expired (exp in the past)",
  "a token of a signed-out session",
  "a token whose session row does not exist",
  "a token whose session id is not a UUID",
  "a token naming another user than its session's",
  "a token whose session row has expired",
  "a token for another audience",
  "a token from another issuer",
  "a token without issuer or audience",
  "an empty x-session-token",
] as const;

describe.each(documentedCalls())("$name", (call) => {
  it("without x-session-token → 401", async () => {
    const before = await writeCounts(env);
    const response = await env.rest(
      jsonRequest(call.method, call.path, { authorization: `Bearer ${ACME_KEY}` }, call.body),
    );
    const problem = await expectUnauthenticated(response);
    expect(problem.detail).toBe("Missing x-session-token header");
    expect(await writeCounts(env)).toEqual(before);
  });

  it.each(LABELS)("%s → 401", async (label) => {
    const token = bad[label];
    expect(token).toBeDefined();
    const before = await writeCounts(env);
    const headers = { authorization: `Bearer ${ACME_KEY}`, "x-session-token": token ?? "" };
    const response = await env.rest(jsonRequest(call.method, call.path, headers, call.body));
    await expectUnauthenticated(response);
    expect(await writeCounts(env)).toEqual(before);
  });
});

describe("expiry on the handlers' clock", () => {
  it("a token works until the last millisecond before it expires, and not at or after expiry", async () => {
    const session = await signInAs("manager@acme.example");
    const expiresAt = new Date(session.expiresAt);
    expect(expiresAt.getTime()).toBe(TEST_NOW.getTime() + SESSION_TTL_MS);
    try {
      env.setNow(new Date(expiresAt.getTime() - 1));
      expect((await probe(session.token)).status).toBe(200);
      env.setNow(expiresAt);
      await expectUnauthenticated(await probe(session.token));
      env.setNow(new Date(expiresAt.getTime() + 24 * HOUR));
      const problem = await expectUnauthenticated(await probe(session.token));
      expect(problem.detail).toBe("Invalid or expired session token");
    } finally {
      env.setNow(TEST_NOW);
    }
    expect((await probe(session.token)).status).toBe(200);
  });
});

describe("sign-out", () => {
  it("the token works, then logout answers 204, then the same token is refused with 401", async () => {
    const session = await signInAs("manager@acme.example");
    expect((await probe(session.token)).status).toBe(200);
    const logout = await env.auth(jsonRequest("POST", "/api/auth/logout", { "x-session-token": session.token }));
    expect(logout.status).toBe(204);
    const problem = await expectUnauthenticated(await probe(session.token));
    expect(problem.detail).toBe("Session expired or signed out");
    const [row] = await env.database.db.select().from(sessions).where(eq(sessions.id, session.sessionId));
    expect(row?.revokedAt?.toISOString()).toBe(TEST_NOW.toISOString());
  });

  it("signing out one session leaves the user's other sessions working", async () => {
    const first = await signInAs("manager@acme.example");
    const second = await signInAs("manager@acme.example");
    await env.auth(jsonRequest("POST", "/api/auth/logout", { "x-session-token": first.token }));
    await expectUnauthenticated(await probe(first.token));
    expect((await probe(second.token)).status).toBe(200);
  });

  it("logout with a missing, malformed or foreign token answers 204 and revokes nothing", async () => {
    const session = await signInAs("manager@acme.example");
    const foreign = await new SessionTokens("another-secret-of-enough-length-000").sign(
      { userId: session.userId, sessionId: session.sessionId },
      TEST_NOW,
      later,
    );
    for (const headers of [{}, { "x-session-token": "garbage" }, { "x-session-token": foreign }] as Record<
      string,
      string
    >[]) {
      const response = await env.auth(jsonRequest("POST", "/api/auth/logout", headers));
      expect(response.status).toBe(204);
      expect(await response.text()).toBe("");
    }
    expect((await probe(session.token)).status).toBe(200);
  });
});
