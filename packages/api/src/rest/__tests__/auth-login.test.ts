import { sessions } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  ACME_KEY,
  type ApiTestEnv,
  createApiTestEnv,
  DEMO_PASSWORD,
  expectProblem,
  expectUnauthenticated,
  jsonRequest,
  LYCEE,
  LYCEE_KEY,
  login,
  rawRequest,
  SESSION_TTL_MS,
  seededIntervention,
  sessionCount,
  TEST_NOW,
} from "../../testing";

// POST /api/auth/login and POST /api/auth/logout, through the real handler.

let env: ApiTestEnv;
let preventiveId: number;
const SCHEDULED_PREVENTIVE = { type: InterventionType.preventive, status: InterventionStatus.scheduled };

beforeAll(async () => {
  env = await createApiTestEnv();
  preventiveId = await seededIntervention(env.database.db, ACME, SCHEDULED_PREVENTIVE);
});
afterAll(async () => {
  await env.close();
});

function probe(token: string, key = ACME_KEY, id = preventiveId) {
  return env.rest(
    jsonRequest(
      "PATCH",
      `/interventions/v2/rs/preventive/${id}`,
      { authorization: `Bearer ${key}`, "x-session-token": token },
      {},
    ),
  );
}

async function tokenOf(response: Response): Promise<string> {
  const body = (await response.json()) as { data: { token: string } };
  return body.data.token;
}

describe("POST /api/auth/login", () => {
  it("the demo password → 200 with token, sessionId, userId and expiresAt; the token works on a REST path", async () => {
    const response = await login(
      env,
      { email: "manager@acme.example", password: DEMO_PASSWORD },
      { "user-agent": "vitest" },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["data"]);
    expect(Object.keys(body.data).sort()).toEqual(["expiresAt", "sessionId", "token", "userId"]);
    expect(body.data.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.data.sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Number.isInteger(body.data.userId)).toBe(true);
    expect(body.data.expiresAt).toBe(new Date(TEST_NOW.getTime() + SESSION_TTL_MS).toISOString());

    const [row] = await env.database.db.select().from(sessions).where(eq(sessions.id, body.data.sessionId));
    expect(row).toMatchObject({ userId: body.data.userId, userAgent: "vitest", revokedAt: null });
    expect((await probe(body.data.token)).status).toBe(200);
  });

  it("wrong password and unknown e-mail → 401 with the same detail, and no session is created", async () => {
    const before = await sessionCount(env);
    const wrong = await expectUnauthenticated(
      await login(env, { email: "manager@acme.example", password: "not-the-password" }),
    );
    const unknown = await expectUnauthenticated(
      await login(env, { email: "nobody@acme.example", password: DEMO_PASSWORD }),
    );
    const wrongCase = await expectUnauthenticated(
      await login(env, { email: "manager@acme.example", password: DEMO_PASSWORD.toUpperCase() }),
    );
    expect(wrong.detail).toBe("Wrong e-mail or password");
    expect(unknown).toEqual(wrong);
    expect(wrongCase).toEqual(wrong);
    expect(await sessionCount(env)).toBe(before);
  });

  it("the e-mail is case-insensitive", async () => {
    const lower = await (await login(env, { email: "manager@acme.example", password: DEMO_PASSWORD })).json();
    const response = await login(env, { email: "MANAGER@Acme.Example", password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    const mixed = await response.json();
    expect(mixed.data.userId).toBe(lower.data.userId);
    expect((await probe(mixed.data.token)).status).toBe(200);
  });

  it.each([
    ["password", { email: "manager@acme.example" }],
    ["email", { password: DEMO_PASSWORD }],
  ])("a missing %s → 400 naming it", async (field, body) => {
    const problem = await expectProblem(await login(env, body), 400, "VALIDATION_FAILED");
    expect(problem.errors?.map((issue) => issue.path)).toEqual([field]);
  });

  it("an unknown field → 400 naming it, even with the right password", async () => {
    const before = await sessionCount(env);
    const body = { email: "manager@acme.example", password: DEMO_PASSWORD, rememberMe: true };
    const problem = await expectProblem(await login(env, body), 400, "VALIDATION_FAILED");
    expect(problem.errors).toEqual([{ path: "rememberMe", message: "Unknown field" }]);
    expect(await sessionCount(env)).toBe(before);
  });

  it.each([
    ["a malformed e-mail", { email: "manager", password: DEMO_PASSWORD }, "email"],
    ["an empty password", { email: "manager@acme.example", password: "" }, "password"],
    ["a numeric password", { email: "manager@acme.example", password: 12345 }, "password"],
  ])("%s → 400", async (_label, body, path) => {
    const problem = await expectProblem(await login(env, body), 400, "VALIDATION_FAILED");
    expect(problem.errors?.[0]?.path).toBe(path);
  });

  it("a body that is not JSON → 400 MALFORMED_JSON; not declared as JSON → 415", async () => {
    const malformed = rawRequest("POST", "/api/auth/login", { "content-type": "application/json" }, "{email:");
    await expectProblem(await env.auth(malformed), 400, "MALFORMED_JSON");
    const text = rawRequest("POST", "/api/auth/login", { "content-type": "text/plain" }, "{}");
    await expectProblem(await env.auth(text), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it.each(["GET", "PUT", "DELETE", "PATCH"])("%s → 405 with allow: POST", async (method) => {
    for (const path of ["/api/auth/login", "/api/auth/logout"]) {
      const response = await env.auth(rawRequest(method, path, {}));
      expect(response.headers.get("allow")).toBe("POST");
      await expectProblem(response, 405, "METHOD_NOT_ALLOWED");
    }
  });

  it("an unknown path under /api/auth → 404", async () => {
    await expectProblem(await env.auth(rawRequest("POST", "/api/auth/whoami", {})), 404, "ROUTE_NOT_FOUND");
  });

  it("the consultant's one session token works with either organization's key", async () => {
    const token = await tokenOf(await login(env, { email: "consultant@safety.example", password: DEMO_PASSWORD }));
    expect((await probe(token, ACME_KEY)).status).toBe(200);
    const lyceePreventive = await seededIntervention(env.database.db, LYCEE, SCHEDULED_PREVENTIVE);
    expect((await probe(token, LYCEE_KEY, lyceePreventive)).status).toBe(200);
  });
});

describe("POST /api/auth/logout", () => {
  it("answers 204 with no body, and the token stops working", async () => {
    const token = await tokenOf(await login(env, { email: "admin@acme.example", password: DEMO_PASSWORD }));
    expect((await probe(token)).status).toBe(200);
    const response = await env.auth(jsonRequest("POST", "/api/auth/logout", { "x-session-token": token }));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    await expectUnauthenticated(await probe(token));
    // A second logout is harmless.
    expect((await env.auth(jsonRequest("POST", "/api/auth/logout", { "x-session-token": token }))).status).toBe(204);
  });

  it("a new login after logout gives a new session that works", async () => {
    const first = await login(env, { email: "admin@acme.example", password: DEMO_PASSWORD });
    const firstBody = await first.json();
    await env.auth(jsonRequest("POST", "/api/auth/logout", { "x-session-token": firstBody.data.token }));
    const second = await (await login(env, { email: "admin@acme.example", password: DEMO_PASSWORD })).json();
    expect(second.data.sessionId).not.toBe(firstBody.data.sessionId);
    expect((await probe(second.data.token)).status).toBe(200);
  });
});
