import { CreationStatus, InterventionStatus, InterventionType, VerificationDecision } from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  eventsOf,
  expectProblem,
  expectTrpcError,
  freshIntervention,
  interventionRow,
  jsonRequest,
  loadSeed,
  openAnomaly,
  PATHS,
  type SeedFixture,
  trpcClient,
} from "../../testing";

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
});
afterAll(async () => {
  await env.close();
});

const read = (id: number, headers: Record<string, string> = {}) =>
  env.rest(jsonRequest("GET", `/interventions/v2/rs/${id}`, { ...manager, ...headers }));
const replan = (id: number, description: string, headers: Record<string, string> = {}) =>
  env.rest(jsonRequest("PATCH", PATHS.preventive(id), { ...manager, ...headers }, { description }));
const scheduledPreventive = { type: InterventionType.preventive, status: InterventionStatus.scheduled };

describe("ETag", () => {
  it("is the version of the one intervention an answer carries: created at 1, one more per change", async () => {
    const created = await env.rest(
      jsonRequest("POST", PATHS.curative, manager, {
        scheduledStart: "2026-12-20T08:00:00Z",
        scheduledEnd: "2026-12-20T10:00:00Z",
        anomalyIds: [await openAnomaly(env.database.db, seed.acme)],
        creationStatus: CreationStatus.scheduled,
      }),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    const id = (await created.json()).data.id;
    expect((await read(id)).headers.get("etag")).toBe('"1"');

    const preventive = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    const before = (await interventionRow(env.database.db, preventive)).version;
    const changed = await replan(preventive, "Tagged");
    expect(changed.headers.get("etag")).toBe(`"${before + 1}"`);
    expect((await read(preventive)).headers.get("etag")).toBe(`"${before + 1}"`);
  });

  it("is not given to pages of many interventions", async () => {
    const page = await env.rest(jsonRequest("GET", "/interventions/v2/rs", manager));
    expect(page.status).toBe(200);
    expect(page.headers.get("etag")).toBeNull();
  });
});

describe("If-Match on the updates", () => {
  it("of two PATCHes made from the same version, lets one through and answers 412 to the other", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    const tag = (await read(id)).headers.get("etag") as string;
    const eventsBefore = (await eventsOf(env.database.db, id)).length;
    const answers = await Promise.all([
      replan(id, "First writer", { "if-match": tag }),
      replan(id, "Second writer", { "if-match": tag }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    const refused = answers.find((answer) => answer.status === 412) as Response;
    const problem = await expectProblem(refused, 412, "PRECONDITION_FAILED");
    expect(problem.detail).toContain("read it again");
    const won = answers.find((answer) => answer.status === 200) as Response;
    const description = (await won.json()).data.description;
    expect((await interventionRow(env.database.db, id)).description).toBe(description);
    expect(await eventsOf(env.database.db, id)).toHaveLength(eventsBefore + 1);
  });

  it("changes nothing on a stale, weak or malformed tag; `*` and the current tag pass", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    const row = await interventionRow(env.database.db, id);
    for (const stale of [`"${row.version + 1}"`, `W/"${row.version}"`, "3", "garbage", `"${row.version - 1}"`]) {
      await expectProblem(await replan(id, `Refused with ${stale}`, { "if-match": stale }), 412, "PRECONDITION_FAILED");
    }
    expect(await interventionRow(env.database.db, id)).toEqual(row);
    expect((await replan(id, "Any version", { "if-match": "*" })).status).toBe(200);
    const current = (await read(id)).headers.get("etag") as string;
    expect((await replan(id, "Listed among others", { "if-match": `"999", ${current}` })).status).toBe(200);
  });

  it("holds on the drill and verification paths, and over tRPC as expectedVersions", async () => {
    const drill = await freshIntervention(env.database.db, seed.acme, {
      type: InterventionType.trainingExercise,
      status: InterventionStatus.scheduled,
    });
    const stale = { "if-match": '"999"' };
    await expectProblem(
      await env.rest(jsonRequest("PATCH", PATHS.trainingExercise(drill), { ...manager, ...stale }, {})),
      412,
      "PRECONDITION_FAILED",
    );
    const done = await freshIntervention(env.database.db, seed.acme, {
      type: InterventionType.preventive,
      status: InterventionStatus.awaitingVerification,
    });
    const decision = { decision: VerificationDecision.accept, decisionComment: "Checked." };
    await expectProblem(
      await env.rest(jsonRequest("PATCH", PATHS.verify(done), { ...manager, ...stale }, decision)),
      412,
      "PRECONDITION_FAILED",
    );
    expect((await interventionRow(env.database.db, done)).status).toBe(InterventionStatus.awaitingVerification);

    const client = trpcClient(env, manager);
    await expectTrpcError(
      client.interventions.verify.mutate({ interventionId: done, ...decision, expectedVersions: [999] }),
      "PRECONDITION_FAILED",
      412,
      "PRECONDITION_FAILED",
    );
    const { version } = await interventionRow(env.database.db, done);
    const verified = await client.interventions.verify.mutate({
      interventionId: done,
      ...decision,
      expectedVersions: [version],
    });
    expect(verified.version).toBe(version + 1);
  });
});

describe("If-None-Match on the read", () => {
  it("answers 304 with no body while the version is the one held, 200 once it changed", async () => {
    const id = await freshIntervention(env.database.db, seed.acme, scheduledPreventive);
    const tag = (await read(id)).headers.get("etag") as string;
    const unchanged = await read(id, { "if-none-match": tag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(tag);
    expect(await unchanged.text()).toBe("");
    expect((await read(id, { "if-none-match": `W/${tag}` })).status).toBe(304);

    await replan(id, "Changed since");
    const changed = await read(id, { "if-none-match": tag });
    expect(changed.status).toBe(200);
    expect((await changed.json()).data.description).toBe("Changed since");
  });
});
