import { DEMO_PASSWORD } from "@interventions/db";
import { createTestDatabase } from "@interventions/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimits, DEFAULT_RATE_LIMITS } from "../../limits/rate-limits";
import {
  type ApiTestEnv,
  createApiTestEnv,
  expectProblem,
  jsonRequest,
  loadSeed,
  rawRequest,
  type SeedFixture,
} from "../../testing";

const BUDGET = 5;
// Fewer than the default 20, so that the test does not spend half a minute hashing wrong passwords.
const PER_ADDRESS = 8;
let env: ApiTestEnv;
let seed: SeedFixture;

beforeAll(async () => {
  env = await createApiTestEnv({
    rateLimits: { perApiKeyPerMinute: BUDGET, signInFailuresPerAddress: PER_ADDRESS },
  });
  seed = await loadSeed(env.database.db);
});
afterAll(async () => {
  await env.close();
});

const compliance = (headers: Record<string, string>) =>
  env.rest(jsonRequest("GET", "/interventions/v2/rs/compliance", headers));

/** A sign-in attempt from an address, as the server in front records it (X-Forwarded-For's last entry). */
const signIn = (email: string, password: string, address: string) =>
  env.auth(
    rawRequest(
      "POST",
      "/api/auth/login",
      { "content-type": "application/json", "x-forwarded-for": address },
      JSON.stringify({ email, password }),
    ),
  );

describe("each API key's budget", () => {
  it("allows its requests per minute, saying what is left, then answers 429 with Retry-After", async () => {
    const manager = await env.credentialsFor("manager@acme.example");
    for (let sent = 1; sent <= BUDGET; sent++) {
      const response = await compliance(manager);
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-policy")).toBe(`"per-api-key";q=${BUDGET};w=60`);
      expect(response.headers.get("ratelimit")).toMatch(new RegExp(`^"per-api-key";r=${BUDGET - sent};t=\\d+$`));
    }
    const refused = await compliance(manager);
    const problem = await expectProblem(refused, 429, "RATE_LIMITED");
    expect(problem.detail).toContain(`${BUDGET} requests of the minute`);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit")).toMatch(/^"per-api-key";r=0;t=\d+$/);

    // Another organization's key has its own budget.
    const lycee = await env.credentialsFor("manager@lycee-hugo.example");
    expect((await compliance(lycee)).status).toBe(200);
    expect(seed.lycee.id).not.toBe(seed.acme.id);
  });
});

describe("sign-in throttling", () => {
  it("after 5 failures for one e-mail refuses it for the window, the right password too, known or not", async () => {
    const known = "viewer@acme.example";
    const unknown = "nobody@acme.example";
    for (const email of [known, unknown]) {
      for (let attempt = 0; attempt < DEFAULT_RATE_LIMITS.signInFailuresPerEmail; attempt++) {
        await expectProblem(await signIn(email, "wrong password", `198.51.100.${attempt}`), 401, "UNAUTHENTICATED");
      }
    }
    const blocked = await signIn(known, DEMO_PASSWORD, "198.51.100.99");
    const blockedUnknown = await signIn(unknown, DEMO_PASSWORD, "198.51.100.98");
    const [problem, problemUnknown] = [
      await expectProblem(blocked, 429, "RATE_LIMITED"),
      await expectProblem(blockedUnknown, 429, "RATE_LIMITED"),
    ];
    // The same words, and a wait within the same 15 minutes (each counted from its own first failure).
    expect({ ...problemUnknown, detail: "" }).toEqual({ ...problem, detail: "" });
    expect(problemUnknown.detail).toBe(problem.detail);
    for (const response of [blocked, blockedUnknown]) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    }
  }, 90_000);

  it("after too many failures from one address refuses every e-mail from it; a success clears the e-mail's count", async () => {
    const address = "203.0.113.7";
    expect((await signIn("admin@acme.example", "wrong", "203.0.113.8")).status).toBe(401);
    expect((await signIn("admin@acme.example", DEMO_PASSWORD, "203.0.113.8")).status).toBe(200);
    for (let attempt = 0; attempt < PER_ADDRESS; attempt++) {
      const email = `guess-${attempt % 4}@acme.example`;
      expect((await signIn(email, "wrong", address)).status).toBe(401);
    }
    await expectProblem(await signIn("manager@acme.example", DEMO_PASSWORD, address), 429, "RATE_LIMITED");
    // The same user from elsewhere is not held back by that address.
    expect((await signIn("manager@acme.example", DEMO_PASSWORD, "203.0.113.9")).status).toBe(200);
  }, 90_000);
});

describe.runIf(process.env.DATABASE_URL)("budgets on PostgreSQL", () => {
  it("are shared by every process: 601 requests across two get exactly one refusal (budget 600)", async () => {
    const database = await createTestDatabase();
    const processes = [createRateLimits(database.driver), createRateLimits(database.driver)];
    try {
      const spent = await Promise.all(
        Array.from({ length: 601 }, (_, index) => (processes[index % 2] ?? processes[0])?.spendApiKey(42)),
      );
      const refused = spent.filter((budget) => budget && !budget.allowed);
      expect(refused).toHaveLength(1);
      expect(refused[0]?.resetSeconds).toBeGreaterThan(0);
      expect((await processes[1]?.spendApiKey(43))?.allowed).toBe(true);
    } finally {
      for (const limits of processes) await limits.close();
      await database.close();
    }
  });
});

describe.runIf(process.env.REDIS_URL)("budgets in Redis (REDIS_URL)", () => {
  it("are shared by every process: one more request than the budget gets exactly one refusal", async () => {
    const store = { kind: "redis" as const, url: process.env.REDIS_URL ?? "" };
    const settings = { ...DEFAULT_RATE_LIMITS, perApiKeyPerMinute: 50 };
    const processes = [createRateLimits(store, settings), createRateLimits(store, settings)];
    // A key no other run uses: the Redis server is shared.
    const apiClientId = Math.floor(Math.random() * 1e9) + 1e9;
    try {
      const spent = await Promise.all(
        Array.from({ length: 51 }, (_, index) => processes[index % 2]?.spendApiKey(apiClientId)),
      );
      expect(spent.filter((budget) => budget && !budget.allowed)).toHaveLength(1);
    } finally {
      for (const limits of processes) await limits.close();
    }
  });
});
