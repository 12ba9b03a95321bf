import { interventionEvents, interventions, profiles, users } from "@interventions/db";
import { InterventionStatus, InterventionType, ProfileRole } from "@interventions/domain";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SessionTokens } from "../../auth/session-token";
import {
  ACME_KEY,
  type ApiTestEnv,
  browserSignIn,
  cookieClient,
  createApiTestEnv,
  expectNoLeak,
  expectTrpcError,
  freshIntervention,
  HOST,
  loadSeed,
  rawRequest,
  SAME_ORIGIN,
  SESSION_TTL_MS,
  type SeedFixture,
  sessionCookie,
  snapshot,
  TEST_NOW,
  type TrpcExchange,
  trpcClient,
  trpcRequest,
} from "../../testing";

// The dashboard's cookie session on the tRPC handler: who the actor is, in which organization, when the
// cookie stops holding, and why a cookie-authenticated write must come from a page of this origin.

let env: ApiTestEnv;
let seed: SeedFixture;
const log: TrpcExchange[] = [];
/** What each write here changes: a copy of the seeded scheduled preventive. */
const SCHEDULED_PREVENTIVE = { type: InterventionType.preventive, status: InterventionStatus.scheduled };
/** An organization id no row has, as the cookie holds it. */
const UNKNOWN_ORGANIZATION = "999999";

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
});
afterEach(() => {
  env.setNow(TEST_NOW);
});
afterAll(async () => {
  // Error answers only: demo data legitimately reads like "missing at the … 08:00:00".
  for (const exchange of log) if (exchange.status >= 400) expectNoLeak(exchange.body);
  await env.close();
});

const unauthorized = (call: Promise<unknown>) => expectTrpcError(call, "UNAUTHORIZED", 401, "UNAUTHENTICATED");

/** Whose session the handler sees: user, profile and organization, from session.me. */
async function whoAmI(cookie: string, headers: Record<string, string> = {}) {
  const me = await cookieClient(env, cookie, headers, log).session.me.query();
  return { email: me.user.email, profileId: me.profileId, organizationId: me.organization.id };
}

describe("a cookie session on a GET query", () => {
  it("reaches protected procedures, scoped to the user's organization", async () => {
    const { token } = await browserSignIn(env, "manager@acme.example");
    const client = cookieClient(env, sessionCookie(token), {}, log);
    const { items } = await client.interventions.list.query({ limit: 100 });
    expect(items).toHaveLength(21);
    expect(new Set(items.map((item) => item.organizationId))).toEqual(new Set([seed.acme.id]));
    expect(await whoAmI(sessionCookie(token))).toEqual({
      email: "manager@acme.example",
      profileId: seed.profileId("manager@acme.example", seed.acme.id),
      organizationId: seed.acme.id,
    });
  });

  it("a two-organization user works in the organization the cookie names", async () => {
    const { token } = await browserSignIn(env, "consultant@safety.example");
    for (const org of [seed.acme, seed.lycee]) {
      const cookie = sessionCookie(token, org.id);
      expect(await whoAmI(cookie)).toEqual({
        email: "consultant@safety.example",
        profileId: seed.profileId("consultant@safety.example", org.id),
        organizationId: org.id,
      });
      const { items } = await cookieClient(env, cookie, {}, log).interventions.list.query({ limit: 100 });
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((item) => item.organizationId === org.id)).toBe(true);
    }
  });

  it.each([
    ["an organization they are not in", () => String(seed.lycee.id), "manager@acme.example", () => seed.acme.id],
    [
      "an organization that does not exist",
      () => UNKNOWN_ORGANIZATION,
      "consultant@safety.example",
      () => seed.acme.id,
    ],
    ["no number", () => "acme", "consultant@safety.example", () => seed.acme.id],
    ["an empty value", () => "", "consultant@safety.example", () => seed.acme.id],
    ["a fraction", () => "2.5", "consultant@safety.example", () => seed.acme.id],
  ])("an organization cookie naming %s falls back to the first membership", async (_, value, email, expected) => {
    const { token } = await browserSignIn(env, email);
    const me = await whoAmI(sessionCookie(token, value()));
    expect(me).toEqual({ email, profileId: seed.profileId(email, expected()), organizationId: expected() });
  });

  it("no organization cookie: the first membership by name (Acme Properties)", async () => {
    const { token } = await browserSignIn(env, "consultant@safety.example");
    expect((await whoAmI(sessionCookie(token))).organizationId).toBe(seed.acme.id);
  });

  it("a membership removed while signed in: the other one, then none → UNAUTHORIZED", async () => {
    const { db } = env.database;
    const [source] = await db.select().from(users).where(eq(users.email, "manager@acme.example"));
    if (!source) throw new Error("no demo manager");
    const [user] = await db
      .insert(users)
      .values({ email: "two-orgs@test.example", passwordHash: source.passwordHash, firstName: "Two", lastName: "Orgs" })
      .returning({ id: users.id });
    if (!user) throw new Error("user insert returned nothing");
    await db.insert(profiles).values([
      { userId: user.id, organizationId: seed.acme.id, role: ProfileRole.viewer },
      { userId: user.id, organizationId: seed.lycee.id, role: ProfileRole.viewer },
    ]);
    const { token } = await browserSignIn(env, "two-orgs@test.example");
    const cookie = sessionCookie(token, seed.lycee.id);
    expect((await whoAmI(cookie)).organizationId).toBe(seed.lycee.id);
    const removeFrom = (organizationId: number) =>
      db
        .update(profiles)
        .set({ deletedAt: TEST_NOW })
        .where(and(eq(profiles.userId, user.id), eq(profiles.organizationId, organizationId)));
    await removeFrom(seed.lycee.id);
    expect((await whoAmI(cookie)).organizationId).toBe(seed.acme.id);
    const me = await cookieClient(env, cookie, {}, log).session.me.query();
    expect(me.memberships.map((m) => m.organizationId)).toEqual([seed.acme.id]);
    await removeFrom(seed.acme.id);
    await unauthorized(cookieClient(env, cookie, {}, log).session.me.query());
  });

  it("no cookie at all → UNAUTHORIZED on protected procedures", async () => {
    await unauthorized(cookieClient(env, "", {}, log).session.me.query());
    await unauthorized(trpcClient(env, {}, log).interventions.list.query({}));
    await unauthorized(cookieClient(env, "theme=dark", {}, log).sites.list.query());
  });

  it("an expired session → UNAUTHORIZED; the same cookie worked before it expired", async () => {
    const { token } = await browserSignIn(env, "manager@acme.example");
    const client = cookieClient(env, sessionCookie(token, seed.acme.id), {}, log);
    env.setNow(new Date(TEST_NOW.getTime() + SESSION_TTL_MS - 1000));
    expect((await client.session.me.query()).organization.id).toBe(seed.acme.id);
    env.setNow(new Date(TEST_NOW.getTime() + SESSION_TTL_MS + 1000));
    await unauthorized(client.session.me.query());
    await unauthorized(client.interventions.countByStatus.query({}));
  });

  it("a session signed out (POST /api/auth/logout) → UNAUTHORIZED", async () => {
    const { token } = await browserSignIn(env, "consultant@safety.example");
    const client = cookieClient(env, sessionCookie(token, seed.lycee.id), {}, log);
    expect((await client.session.me.query()).organization.id).toBe(seed.lycee.id);
    const logout = await env.auth(rawRequest("POST", "/api/auth/logout", { "x-session-token": token }));
    expect(logout.status).toBe(204);
    await unauthorized(client.session.me.query());
    await unauthorized(client.sites.list.query());
  });

  it.each([
    ["garbage", "not-a-token"],
    ["a JWT-looking string", "aaa.bbb.ccc"],
    ["an empty value", ""],
  ])("a session cookie holding %s → UNAUTHORIZED", async (_, value) => {
    await unauthorized(cookieClient(env, sessionCookie(value, seed.acme.id), {}, log).session.me.query());
  });

  it("a token signed with another secret → UNAUTHORIZED", async () => {
    const { token, userId, sessionId } = await browserSignIn(env, "manager@acme.example");
    const forged = await new SessionTokens("another-secret".repeat(4)).sign(
      { userId, sessionId },
      TEST_NOW,
      new Date(TEST_NOW.getTime() + SESSION_TTL_MS),
    );
    expect(forged).not.toBe(token);
    await unauthorized(cookieClient(env, sessionCookie(forged), {}, log).session.me.query());
  });

  // A malformed escape once threw out of readCookie and made every request of that browser a 500.
  it("a session cookie with a malformed percent escape → UNAUTHORIZED (not a 500)", async () => {
    const cookie = `interventions_session=%E0%A4%A; interventions_organization=${seed.acme.id}`;
    await unauthorized(cookieClient(env, cookie, {}, log).session.me.query());
  });

  it("an organization cookie with a malformed percent escape falls back (not a 500)", async () => {
    const { token } = await browserSignIn(env, "manager@acme.example");
    const cookie = `${sessionCookie(token)}; interventions_organization=%`;
    expect((await whoAmI(cookie)).organizationId).toBe(seed.acme.id);
  });
});

describe("a cookie-authenticated mutation", () => {
  const patch = { description: "Changed from the dashboard" };
  let cookie: string;

  beforeAll(async () => {
    cookie = sessionCookie((await browserSignIn(env, "consultant@safety.example")).token, seed.acme.id);
  });

  async function refusedWithoutWriting(headers: Record<string, string>) {
    const id = await freshIntervention(env.database.db, seed.acme, SCHEDULED_PREVENTIVE);
    const before = await snapshot(env.database.db);
    const client = cookieClient(env, cookie, headers, log);
    await unauthorized(client.interventions.updatePreventive.mutate({ interventionId: id, ...patch }));
    expect(await snapshot(env.database.db)).toEqual(before);
  }

  it("without an Origin header → UNAUTHORIZED, nothing written", async () => {
    await refusedWithoutWriting({ host: HOST });
  });

  it.each([
    ["another site", "http://evil.example"],
    ["a subdomain", `http://app.${HOST}`],
    ["another port", `http://${HOST}:8443`],
    ["a host that only starts the same", `http://${HOST}.evil.example`],
  ])("from %s → UNAUTHORIZED, nothing written", async (_, origin) => {
    await refusedWithoutWriting({ origin, host: HOST });
  });

  it("an Origin but no Host header → UNAUTHORIZED, nothing written", async () => {
    await refusedWithoutWriting({ origin: `http://${HOST}` });
  });

  // Browsers send `Origin: null` from sandboxed frames and some redirects: refused, not a 500.
  it("with `Origin: null` → UNAUTHORIZED (not a 500), nothing written", async () => {
    await refusedWithoutWriting({ origin: "null", host: HOST });
  });

  it("from the same origin → works, written as the cookie's user in the cookie's organization", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, SCHEDULED_PREVENTIVE);
    const client = cookieClient(env, cookie, SAME_ORIGIN, log);
    const { data } = await client.interventions.updatePreventive.mutate({ interventionId: id, ...patch });
    expect(data.description).toBe(patch.description);
    const [row] = await env.database.db.select().from(interventions).where(eq(interventions.id, id));
    expect(row?.description).toBe(patch.description);
    const [event] = await env.database.db
      .select()
      .from(interventionEvents)
      .where(eq(interventionEvents.interventionId, id))
      .orderBy(desc(interventionEvents.id))
      .limit(1);
    expect(event?.actorProfileId).toBe(seed.profileId("consultant@safety.example", seed.acme.id));
  });

  // Behind a reverse proxy (X-Forwarded-Host, TRUST_PROXY): trust-proxy.test.ts.

  it("a mutation sent as GET → 405, nothing written (a link or <img> cannot write)", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, SCHEDULED_PREVENTIVE);
    const before = await snapshot(env.database.db);
    const response = await env.trpc(
      trpcRequest("GET", "interventions.updatePreventive", { cookie }, { interventionId: id, ...patch }),
    );
    expect(response.status).toBe(405);
    expectNoLeak(await response.text());
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("the role still applies: a viewer's same-origin write → FORBIDDEN", async () => {
    const viewer = sessionCookie((await browserSignIn(env, "viewer@acme.example")).token);
    const id = await freshIntervention(env.database.db, seed.acme, SCHEDULED_PREVENTIVE);
    const before = await snapshot(env.database.db);
    const client = cookieClient(env, viewer, SAME_ORIGIN, log);
    await expectTrpcError(
      client.interventions.updatePreventive.mutate({ interventionId: id, ...patch }),
      "FORBIDDEN",
      403,
      "FORBIDDEN",
    );
    expect(await snapshot(env.database.db)).toEqual(before);
  });
});

describe("partner headers take precedence over the cookie", () => {
  let consultantInLycee: string;

  beforeAll(async () => {
    consultantInLycee = sessionCookie((await browserSignIn(env, "consultant@safety.example")).token, seed.lycee.id);
  });

  it("valid partner headers: their user and organization, not the cookie's", async () => {
    const partner = await env.credentialsFor("viewer@acme.example");
    expect(await whoAmI(consultantInLycee, partner)).toEqual({
      email: "viewer@acme.example",
      profileId: seed.profileId("viewer@acme.example", seed.acme.id),
      organizationId: seed.acme.id,
    });
  });

  it("invalid partner headers → UNAUTHORIZED even with a valid cookie", async () => {
    const client = cookieClient(env, consultantInLycee, { authorization: `Bearer ${ACME_KEY}` }, log);
    await unauthorized(client.session.me.query());
    const withBadToken = cookieClient(env, consultantInLycee, { "x-session-token": "nope" }, log);
    await unauthorized(withBadToken.session.me.query());
  });

  it("a partner's write needs no Origin", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, SCHEDULED_PREVENTIVE);
    const partner = trpcClient(env, await env.credentialsFor("manager@acme.example"), log);
    const { data } = await partner.interventions.updatePreventive.mutate({
      interventionId: id,
      description: "From the partner",
    });
    expect(data.description).toBe("From the partner");
  });
});
