import { apiClients, generateApiKey, hashApiKey } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTOR_CACHE_TTL_MS } from "../../auth/actor-cache";
import {
  ACME,
  ACME_KEY,
  type ApiTestEnv,
  createApiTestEnv,
  DEMO_PASSWORD,
  demoOrganizationId,
  documentedCalls,
  expectUnauthenticated,
  jsonRequest,
  seededIntervention,
  TEST_NOW,
  writeCounts,
} from "../../testing";

// The Bearer credential: the API key that names the organization. Each case is refused on every documented
// path with 401, a `www-authenticate` challenge and a problem+json body, and writes nothing.

let env: ApiTestEnv;
let sessionToken: string;
let revokedKey: string;
let preventiveId: number;
let acmeId: number;

beforeAll(async () => {
  env = await createApiTestEnv();
  const manager = await env.credentialsFor("manager@acme.example");
  sessionToken = manager["x-session-token"] ?? "";
  revokedKey = generateApiKey();
  acmeId = await demoOrganizationId(env.database.db, ACME);
  await env.database.db.insert(apiClients).values({
    organizationId: acmeId,
    name: "Revoked partner",
    keyPrefix: revokedKey.slice(0, 10),
    keyHash: hashApiKey(revokedKey),
    revokedAt: TEST_NOW,
  });
  preventiveId = await seededIntervention(env.database.db, ACME, {
    type: InterventionType.preventive,
    status: InterventionStatus.scheduled,
  });
});
afterAll(async () => {
  await env.close();
});

/** An empty PATCH of a scheduled preventive: passes authentication, changes nothing, answers 200. */
function probe(headers: Record<string, string>) {
  return env.rest(jsonRequest("PATCH", `/interventions/v2/rs/preventive/${preventiveId}`, headers, {}));
}

const authorizationCases: [string, () => Record<string, string>][] = [
  ["no Authorization header", () => ({ "x-session-token": sessionToken })],
  ["no credentials at all", () => ({})],
  ["Authorization: Basic", () => ({ authorization: `Basic ${btoa(`manager@acme.example:${DEMO_PASSWORD}`)}` })],
  ["Authorization: Bearer with nothing", () => ({ authorization: "Bearer" })],
  ["Authorization: Bearer and blanks", () => ({ authorization: "Bearer    " })],
  ["Authorization: Bearer with two values", () => ({ authorization: `Bearer ${ACME_KEY} ${ACME_KEY}` })],
  ["the API key without a scheme", () => ({ authorization: ACME_KEY })],
  ["an empty Authorization header", () => ({ authorization: "" })],
  ["an unknown API key", () => ({ authorization: `Bearer ${generateApiKey()}` })],
  ["a demo key with one character changed", () => ({ authorization: `Bearer ${ACME_KEY.slice(0, -1)}1` })],
  ["the session token as the API key", () => ({ authorization: `Bearer ${sessionToken}` })],
  ["a revoked API key", () => ({ authorization: `Bearer ${revokedKey}` })],
];

describe.each(documentedCalls())("$name", (call) => {
  it.each(authorizationCases)("%s → 401", async (_label, headers) => {
    const before = await writeCounts(env);
    const response = await env.rest(
      jsonRequest(call.method, call.path, { "x-session-token": sessionToken, ...headers() }, call.body),
    );
    const problem = await expectUnauthenticated(response);
    expect(problem.title).toBe("Unauthorized");
    expect(problem.errors).toBeUndefined();
    expect(await writeCounts(env)).toEqual(before);
  });
});

describe("the API key itself", () => {
  it("the demo key with the manager's session token passes authentication", async () => {
    const response = await probe({ authorization: `Bearer ${ACME_KEY}`, "x-session-token": sessionToken });
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it("the scheme is case-insensitive and surrounding blanks are tolerated", async () => {
    for (const authorization of [`bearer ${ACME_KEY}`, `BEARER ${ACME_KEY}`, `Bearer   ${ACME_KEY}  `]) {
      const response = await probe({ authorization, "x-session-token": sessionToken });
      expect(response.status, authorization).toBe(200);
    }
  });

  it("a key revoked by another process (the CLI) is refused with 401 within a second", async () => {
    const key = generateApiKey();
    await env.database.db
      .insert(apiClients)
      .values({ organizationId: acmeId, name: "Soon revoked", keyPrefix: key.slice(0, 10), keyHash: hashApiKey(key) });
    const headers = { authorization: `Bearer ${key}`, "x-session-token": sessionToken };
    expect((await probe(headers)).status).toBe(200);

    await env.database.db
      .update(apiClients)
      .set({ revokedAt: TEST_NOW })
      .where(eq(apiClients.keyHash, hashApiKey(key)));
    // This process authenticated the key a moment ago and may serve it for the rest of that second.
    await new Promise((resolve) => setTimeout(resolve, ACTOR_CACHE_TTL_MS + 50));
    const problem = await expectUnauthenticated(await probe(headers));
    expect(problem.detail).toBe("Unknown or revoked API key");
  });

  it("a revoked key is refused even with a valid body on a creation path, and nothing is created", async () => {
    const before = await writeCounts(env);
    const [call] = documentedCalls();
    if (!call) throw new Error("no documented call");
    const response = await env.rest(
      jsonRequest(
        call.method,
        call.path,
        { authorization: `Bearer ${revokedKey}`, "x-session-token": sessionToken },
        call.body,
      ),
    );
    await expectUnauthenticated(response);
    expect(await writeCounts(env)).toEqual(before);
  });
});
