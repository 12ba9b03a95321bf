import { notifications } from "@interventions/db";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PARTNER_ROUTES } from "../contract/partner-routes";
import {
  type ApiTestEnv,
  BASE_URL,
  browserSignIn,
  createApiTestEnv,
  expectNoLeak,
  loadSeed,
  routerProcedures,
  SAME_ORIGIN,
  sessionCookie,
  type ValidWrite,
  validWrites,
} from "../testing";
import { type Case, casesFor, type Encoding } from "./cases";
import { fingerprint } from "./fingerprint";
import { fuzzSeed } from "./fuzz-seed";

// Generated and spoiled bodies against every documented REST operation and every tRPC mutation, through the
// real handlers: no answer may be a 5xx, every refusal must be a problem with a stable code, and a refusal
// must leave every written table as it was. FUZZ_SEED: unset, CI's fixed seed; `random`, a printed new one.

const RUNS_PER_OPERATION = 250;
const SEED = fuzzSeed(process.env.FUZZ_SEED);

let env: ApiTestEnv;
const pool: ValidWrite[] = [];
let notificationIds: string[] = [];
let actors: Record<string, string>[] = [];
let before: Record<string, string>;
let requests = 0;
const statuses = new Map<number, number>();
let startedAt = 0;

beforeAll(async () => {
  env = await createApiTestEnv();
  const seed = await loadSeed(env.database.db);
  for (let round = 0; round < 6; round += 1) pool.push(...(await validWrites(env.database.db, seed)));
  const managerProfile = seed.profileId("manager@acme.example", seed.acme.id);
  const rows = await env.database.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.recipientProfileId, managerProfile));
  notificationIds = rows.map((row) => row.id);
  const cookie = sessionCookie((await browserSignIn(env, "manager@acme.example")).token);
  actors = [
    await env.credentialsFor("manager@acme.example"),
    { cookie, ...SAME_ORIGIN },
    await env.credentialsFor("technician@acme.example"),
    await env.credentialsFor("viewer@acme.example"),
    await env.credentialsFor("manager@lycee-hugo.example"),
    {},
    { authorization: "Bearer ivk_nope", "x-session-token": "not.a.jwt" },
  ];
  before = await fingerprint(env.database.db);
  startedAt = performance.now();
}, 120_000);
afterAll(async () => {
  await env.close();
});

function bodyOf(value: unknown, encoding: Encoding, wrap: (value: unknown) => unknown): BodyInit {
  if (encoding.kind === "raw") return typeof encoding.bytes === "string" ? encoding.bytes : new Blob([encoding.bytes]);
  const wrapped = wrap(value);
  const withMeta =
    encoding.kind === "meta" && typeof wrapped === "object" && wrapped !== null
      ? { ...wrapped, meta: encoding.meta }
      : wrapped;
  return JSON.stringify(withMeta) ?? "";
}

/** The checks every answer passes; `code` reads the refusal's stable code from the parsed body. */
async function check(response: Response, sent: string, code: (body: unknown) => unknown, problemType?: string) {
  requests += 1;
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  const text = await response.text();
  expect(response.status, `${sent} → ${text.slice(0, 500)}`).toBeLessThan(500);
  const after = await fingerprint(env.database.db);
  if (response.status >= 400) {
    if (problemType) expect(response.headers.get("content-type"), sent).toBe(problemType);
    expect(typeof code(JSON.parse(text)), `${sent} → ${text.slice(0, 500)}`).toBe("string");
    expectNoLeak(text);
    expect(after, `${sent} wrote although refused (${response.status})`).toEqual(before);
  }
  before = after;
}

const byOperation = (operationId: string) => pool.filter((write) => write.operationId === operationId);
const byProcedure = (procedure: string) => pool.filter((write) => write.procedure === procedure);
const pickFrom = <T>(items: T[], pick: number) => items[pick % Math.max(items.length, 1)];
const interventionIds = () =>
  pool.flatMap((write) => (typeof write.input.interventionId === "number" ? [write.input.interventionId] : []));

function run(arbitrary: fc.Arbitrary<Case>, send: (input: Case) => Promise<void>, offset: number) {
  return fc.assert(fc.asyncProperty(arbitrary, send), { seed: SEED + offset, numRuns: RUNS_PER_OPERATION });
}

// The writes: the reads take no body (their query parameters are checked by the compliance tests).
const WRITE_ROUTES = PARTNER_ROUTES.flatMap((route) =>
  "body" in route.request ? [{ ...route, body: route.request.body }] : [],
);

describe(`fuzzing every write (seed ${SEED})`, () => {
  WRITE_ROUTES.forEach((route, index) => {
    it(`REST ${route.method} ${route.path}`, async () => {
      const arbitrary = casesFor({
        schema: route.body,
        valid: (pick) => pickFrom(byOperation(route.operationId), pick)?.body,
        ids: (pick) => pickFrom(interventionIds(), pick) ?? 1,
        actors: actors.length,
      });
      await run(
        arbitrary,
        async (input) => {
          const path = route.path.replace("{interventionId}", input.segment);
          const request = new Request(`${BASE_URL}${path}`, {
            method: route.method,
            headers: { "content-type": "application/json", ...actors[input.actor] },
            body: bodyOf(input.value, input.encoding, (value) => value),
          });
          await check(
            await env.rest(request),
            `${route.method} ${path}`,
            (body) => (body as { code?: unknown }).code,
            "application/problem+json",
          );
        },
        index,
      );
    }, 60_000);
  });

  const mutations = routerProcedures().filter((procedure) => procedure.type === "mutation");
  mutations.forEach((procedure, index) => {
    it(`tRPC ${procedure.path}`, async () => {
      const schema = procedure.inputs[0] instanceof z.ZodType ? procedure.inputs[0] : z.undefined();
      const arbitrary = casesFor({
        schema,
        valid: (pick) =>
          procedure.path === "notifications.markRead"
            ? { id: pickFrom(notificationIds, pick) ?? "ntf_none" }
            : pickFrom(byProcedure(procedure.path), pick)?.input,
        ids: () => 1,
        actors: actors.length,
      });
      await run(
        arbitrary,
        async (input) => {
          const request = new Request(`${BASE_URL}/api/trpc/${procedure.path}`, {
            method: "POST",
            headers: { "content-type": "application/json", ...actors[input.actor] },
            body: bodyOf(input.value, input.encoding, (value) => (value === undefined ? {} : { json: value })),
          });
          await check(
            await env.trpc(request),
            `tRPC ${procedure.path}`,
            (body) => (body as { error?: { json?: { data?: { errorCode?: unknown } } } }).error?.json?.data?.errorCode,
          );
        },
        100 + index,
      );
    }, 60_000);
  });

  it("sent at least 2,000 requests, and says how fast", () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    console.info(`fuzz: ${requests} requests in ${seconds.toFixed(1)} s (seed ${SEED}): ${byStatus.join(" ")}`);
    expect(mutations.length).toBeGreaterThanOrEqual(7);
    expect(requests).toBeGreaterThanOrEqual(2000);
    // Some bodies got through to the verbs and wrote: the refusals were not all at the door.
    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0);
    expect(succeeded).toBeGreaterThan(requests / 50);
  });
});
