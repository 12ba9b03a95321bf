import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  documentedCalls,
  expectProblem,
  jsonRequest,
  rawRequest,
  writeCounts,
} from "../../testing";

// Paths, path parameters and methods: answered by the transport before any service runs.

let env: ApiTestEnv;
let manager: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  manager = await env.credentialsFor("manager@acme.example");
});
afterAll(async () => {
  await env.close();
});

const ID = "{interventionId}";
const idPaths = documentedCalls({ interventionId: ID }).filter((call) => call.method === "PATCH");
const withId = (path: string, id: string) => path.replace(ID, id);

describe("the interventionId path parameter", () => {
  const invalid = ["abc", "1.5", "%zz", "1e3", "0x1F", "%201", "1%2F2", "+1", "99999999999999999", "9007199254740992"];

  describe.each(idPaths)("$name", (call) => {
    it.each(invalid)("%s → 400 with path interventionId", async (id) => {
      const before = await writeCounts(env);
      const response = await env.rest(jsonRequest("PATCH", withId(call.path, id), manager, call.body));
      const problem = await expectProblem(response, 400, "VALIDATION_FAILED");
      expect(problem.errors?.map((issue) => issue.path)).toEqual(["interventionId"]);
      expect(await writeCounts(env)).toEqual(before);
    });

    it.each(["0", "-1", "9007199254740991", "-9007199254740991", "424242"])(
      "%s is a well-formed id that finds nothing → 404",
      async (id) => {
        const response = await env.rest(jsonRequest("PATCH", withId(call.path, id), manager, call.body));
        await expectProblem(response, 404, "NOT_FOUND");
      },
    );
  });

  it("the path id is validated before the body: both wrong → only interventionId is reported", async () => {
    const response = await env.rest(jsonRequest("PATCH", "/interventions/v2/rs/abc/verify", manager, { decision: 9 }));
    const problem = await expectProblem(response, 400, "VALIDATION_FAILED");
    expect(problem.errors?.map((issue) => issue.path)).toEqual(["interventionId"]);
  });
});

describe("methods", () => {
  const calls = documentedCalls();
  const cases = calls.flatMap((call) =>
    ["GET", "PUT", "DELETE", "HEAD", call.method === "POST" ? "PATCH" : "POST"].map(
      (method) => [call.name, method, call] as const,
    ),
  );

  it.each(cases)("%s: %s → 405 with an allow header", async (_name, method, call) => {
    const before = await writeCounts(env);
    const hasBody = method !== "GET" && method !== "HEAD";
    const request = hasBody
      ? jsonRequest(method, call.path, manager, call.body)
      : rawRequest(method, call.path, manager);
    const response = await env.rest(request);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(call.method);
    if (method !== "HEAD") await expectProblem(response, 405, "METHOD_NOT_ALLOWED");
    expect(await writeCounts(env)).toEqual(before);
  });

  it("a wrong method is answered 405 even without credentials", async () => {
    const response = await env.rest(rawRequest("GET", "/interventions/v2/rs/curative", {}));
    expect(response.headers.get("allow")).toBe("POST");
    await expectProblem(response, 405, "METHOD_NOT_ALLOWED");
  });

  it.each(calls)("OPTIONS $path → 204 with allow, no body, no credentials needed", async (call) => {
    const response = await env.rest(rawRequest("OPTIONS", call.path, {}));
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe(`${call.method}, OPTIONS`);
    expect(await response.text()).toBe("");
  });

  it("allow names each method once, also where two PATCH patterns overlap", async () => {
    // `/rs/preventive/verify` matches both `/rs/preventive/{id}` and `/rs/{id}/verify`.
    const response = await env.rest(rawRequest("GET", "/interventions/v2/rs/preventive/verify", {}));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("PATCH");
    const options = await env.rest(rawRequest("OPTIONS", "/interventions/v2/rs/training-exercise/verify", {}));
    expect(options.headers.get("allow")).toBe("PATCH, OPTIONS");
  });
});

describe("unknown paths", () => {
  it.each([
    "/interventions/v2",
    "/interventions/v2/",
    "/interventions/v2/rs/",
    "/interventions/v2/rs/curative/",
    "/interventions/v2/rs/preventive",
    "/interventions/v2/rs/preventive/",
    "/interventions/v2/rs//verify",
    "/interventions/v2/rs/1/verify/extra",
    "/interventions/v2/mb/curative",
    "/interventions/v2/rs/preventive/unplanned/1",
    "/interventions/v3/rs/curative",
    "/main/interventions/v2/rs/curative",
    "/INTERVENTIONS/v2/rs/curative",
  ])("%s → 404 ROUTE_NOT_FOUND, for any method, with or without credentials", async (path) => {
    for (const [method, headers] of [
      ["POST", manager],
      ["PATCH", {}],
      ["GET", {}],
      ["OPTIONS", {}],
    ] as const) {
      const response = await env.rest(jsonRequest(method, path, headers, method === "GET" ? undefined : {}));
      expect(response.headers.get("allow")).toBeNull();
      const problem = await expectProblem(response, 404, "ROUTE_NOT_FOUND");
      expect(problem.title).toBe("Not Found");
    }
  });

  it("a query string does not change the route", async () => {
    const response = await env.rest(jsonRequest("PATCH", "/interventions/v2/rs/424242/verify?debug=1", manager, {}));
    await expectProblem(response, 400, "VALIDATION_FAILED");
  });
});
