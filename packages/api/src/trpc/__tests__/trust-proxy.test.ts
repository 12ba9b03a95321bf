import { interventions } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchHandler } from "../../http";
import { serverEnvSchema } from "../../runtime/env";
import { TRPC_ENDPOINT } from "../../runtime/handlers";
import {
  type ApiTestEnv,
  browserSignIn,
  createApiTestEnv,
  freshIntervention,
  HOST,
  loadSeed,
  type SeedFixture,
  sessionCookie,
  snapshot,
  TEST_NOW,
  trpcRequest,
} from "../../testing";
import { createTrpcHandler } from "../handler";

// A cookie-authenticated write must come from a page of this origin. Behind a reverse proxy the Host is the
// proxy's upstream and the public one comes in X-Forwarded-Host/-Proto: believed with TRUST_PROXY only,
// since without a proxy in front any client could send them.

let env: ApiTestEnv;
let seed: SeedFixture;
let cookie: string;
let trusting: FetchHandler;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  cookie = sessionCookie((await browserSignIn(env, "manager@acme.example")).token);
  trusting = createTrpcHandler({
    services: env.services,
    tokens: env.tokens,
    endpoint: TRPC_ENDPOINT,
    clock: () => TEST_NOW,
    trustProxy: true,
  });
});
afterAll(async () => {
  await env.close();
});

const PUBLIC = "safety.example.com";
const UPSTREAM = "127.0.0.1:3000";

/** Sends a same-looking write with these headers; whether it was written. */
async function writes(handler: FetchHandler, headers: Record<string, string>): Promise<boolean> {
  const id = await freshIntervention(env.database.db, seed.acme, {
    type: InterventionType.preventive,
    status: InterventionStatus.scheduled,
  });
  const description = `Proxied ${Math.random()}`;
  const before = await snapshot(env.database.db);
  const response = await handler(
    trpcRequest("POST", "interventions.updatePreventive", { cookie, ...headers }, { interventionId: id, description }),
  );
  const [row] = await env.database.db.select().from(interventions).where(eq(interventions.id, id));
  if (response.status === 200) return row?.description === description;
  expect(response.status).toBe(401);
  expect(await snapshot(env.database.db)).toEqual(before);
  return false;
}

describe("without TRUST_PROXY (the default)", () => {
  it("X-Forwarded-Host does not make a foreign Origin this one", async () => {
    const headers = { origin: `https://${PUBLIC}`, host: UPSTREAM, "x-forwarded-host": PUBLIC };
    expect(await writes(env.trpc, headers)).toBe(false);
  });

  it("nor does a forged one spoil a true Host", async () => {
    const headers = {
      origin: `http://${HOST}`,
      host: HOST,
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    };
    expect(await writes(env.trpc, headers)).toBe(true);
  });
});

describe("with TRUST_PROXY", () => {
  it("the Origin is compared with X-Forwarded-Host", async () => {
    expect(await writes(trusting, { origin: `https://${PUBLIC}`, host: UPSTREAM, "x-forwarded-host": PUBLIC })).toBe(
      true,
    );
    expect(await writes(trusting, { origin: `http://${UPSTREAM}`, host: UPSTREAM, "x-forwarded-host": HOST })).toBe(
      false,
    );
  });

  it("and its scheme with X-Forwarded-Proto", async () => {
    const proxied = { host: UPSTREAM, "x-forwarded-host": PUBLIC, "x-forwarded-proto": "https" };
    expect(await writes(trusting, { ...proxied, origin: `https://${PUBLIC}` })).toBe(true);
    expect(await writes(trusting, { ...proxied, origin: `http://${PUBLIC}` })).toBe(false);
  });

  it("the first of several proxies' values counts: the one nearest the client", async () => {
    const headers = { origin: `https://${PUBLIC}`, host: UPSTREAM, "x-forwarded-host": `${PUBLIC}, internal:8080` };
    expect(await writes(trusting, headers)).toBe(true);
  });

  it("without forwarded headers, the Host", async () => {
    expect(await writes(trusting, { origin: `http://${HOST}`, host: HOST })).toBe(true);
  });
});

describe("TRUST_PROXY in the configuration", () => {
  it.each([
    [{}, false],
    [{ TRUST_PROXY: "1" }, true],
    [{ TRUST_PROXY: "true" }, true],
    [{ TRUST_PROXY: "0" }, false],
  ])("%j → %s", (env, expected) => {
    expect(serverEnvSchema.parse(env).TRUST_PROXY).toBe(expected);
  });

  it("refuses anything else, naming it", () => {
    const result = serverEnvSchema.safeParse({ TRUST_PROXY: "maybe" });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["TRUST_PROXY"]]);
  });
});
