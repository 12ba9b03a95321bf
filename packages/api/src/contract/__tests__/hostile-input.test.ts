import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  expectValidation,
  jsonRequest,
  loadSeed,
  login,
  type SeedFixture,
  snapshot,
  trpcRequest,
  type ValidWrite,
  validWrites,
} from "../../testing";

// What a review found answering 500: text PostgreSQL cannot store, and lists longer than a statement's
// parameters. Every write path, on both transports, must refuse them with a 400 naming the field, the same
// issues on REST and tRPC, and write nothing.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;
let writes: ValidWrite[];

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  writes = await validWrites(env.database.db, seed);
});
afterAll(async () => {
  await env.close();
});

type Json = Record<string, unknown>;
interface Spoil {
  what: string;
  path: string;
  value: unknown;
}

/** Each string of the body with a NUL and with a lone surrogate, each list 70,000 long. */
function spoils(body: Json, prefix = ""): Spoil[] {
  return Object.entries(body).flatMap(([key, value]): Spoil[] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") {
      return [
        { what: "a NUL", path, value: `${value}\u0000` },
        { what: "a lone surrogate", path, value: `\ud800${value}` },
        { what: "an escape character", path, value: `${value}\u001b[31m` },
      ];
    }
    if (Array.isArray(value)) return [{ what: "70,000 elements", path, value: Array(70_000).fill(value[0]) }];
    if (typeof value === "object" && value !== null) return spoils(value as Json, path);
    return [];
  });
}

function setAt(body: Json, path: string, value: unknown): Json {
  const [head, ...rest] = path.split(".");
  if (head === undefined) return body;
  return { ...body, [head]: rest.length === 0 ? value : setAt((body[head] ?? {}) as Json, rest.join("."), value) };
}

function casesOf(write: ValidWrite): Spoil[] {
  const extra =
    write.operationId === "verifyIntervention" ? [{ what: "a NUL", path: "notificationId", value: "ntf_1\u0000" }] : [];
  return [...spoils(write.body), ...extra];
}

async function trpcIssues(procedure: string, input: unknown) {
  const response = await env.trpc(trpcRequest("POST", procedure, manager, input));
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { json: { data: { errorCode: string; issues: unknown[] } } } };
  expect(body.error.json.data.errorCode).toBe("VALIDATION_FAILED");
  return body.error.json.data.issues;
}

describe("hostile text and sizes on every write path", () => {
  const operations = [
    "createUnplannedPreventive",
    "createCurative",
    "updatePreventive",
    "updateTrainingExercise",
    "verifyIntervention",
  ];

  it.each(operations)(
    "%s: 400 at the field's path, the same on REST and tRPC, nothing written",
    async (operationId) => {
      const write = writes.find((candidate) => candidate.operationId === operationId);
      if (!write) throw new Error(`no valid write for ${operationId}`);
      const before = await snapshot(env.database.db);
      const cases = casesOf(write);
      expect(cases.length).toBeGreaterThan(2);
      for (const spoil of cases) {
        const body = setAt(write.body, spoil.path, spoil.value);
        const problem = await expectValidation(
          await env.rest(jsonRequest(write.method, write.path, manager, body)),
          spoil.path,
        );
        if (spoil.what === "70,000 elements") expect(problem.errors?.[0]?.message).toMatch(/500/);
        if (spoil.what !== "70,000 elements" && problem.errors?.length === 1) {
          expect(problem.errors[0]?.message).toMatch(/control characters|UTC date-time|Invalid|Use letters/);
        }
        const issues = await trpcIssues(write.procedure, setAt(write.input, spoil.path, spoil.value));
        expect(issues, `${spoil.what} at ${spoil.path}`).toEqual(problem.errors);
      }
      expect(await snapshot(env.database.db)).toEqual(before);

      // The same body unspoiled is accepted: the refusals were the spoiled field's.
      const accepted = await env.rest(jsonRequest(write.method, write.path, manager, write.body));
      expect(accepted.status, await accepted.clone().text()).toBeLessThan(300);
    },
  );
});

describe("hostile text in queries and sign-in", () => {
  it("a cursor with a NUL, and a forged cursor whose id holds one, are 400 at cursor", async () => {
    const forged = Buffer.from(JSON.stringify(["2026-11-23T10:00:00.000Z", "ntf_\u0000"])).toString("base64url");
    for (const [procedure, input] of [
      ["interventions.list", { cursor: "abc\u0000" }],
      ["notifications.list", { cursor: forged }],
    ] as const) {
      const response = await env.trpc(trpcRequest("GET", procedure, manager, input));
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(JSON.parse(text).error.json.data.issues).toEqual([{ path: "cursor", message: expect.any(String) }]);
    }
  });

  it("a notification id with a NUL is 400 at id", async () => {
    expect(await trpcIssues("notifications.markRead", { id: "ntf_\u0000" })).toEqual([
      { path: "id", message: expect.stringMatching(/control characters/) },
    ]);
  });

  it("an e-mail or password with a NUL is 400 at its field", async () => {
    await expectValidation(
      await login(env, { email: "manager@acme.example\u0000", password: "demo-password" }),
      "email",
    );
    await expectValidation(await login(env, { email: "manager@acme.example", password: "demo\u0000" }), "password");
  });
});
