import { request as httpRequest } from "node:http";
import { BODY_LIMIT_BYTES } from "@interventions/api/http";
import { checkDatabaseHealth } from "@interventions/api/runtime";
import {
  type ApiTestEnv,
  CreationStatus,
  createApiTestEnv,
  DEMO_PASSWORD,
  InterventionType,
  loadSeed,
  openAnomaly,
  PATHS,
  type SeedFixture,
} from "@interventions/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ListeningServer, listen } from "../listen";
import { createServerHandler } from "../server-handler";

// The lean server over real sockets: the same handlers as the Next.js app, on plain node:http.

let env: ApiTestEnv;
let server: ListeningServer;
let seed: SeedFixture;
let manager: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  const handler = createServerHandler({
    handlers: { rest: env.rest, trpc: env.trpc, auth: env.auth },
    health: () => checkDatabaseHealth(env.database),
  });
  server = await listen(handler, { port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

const json = { "content-type": "application/json" };

async function problem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect((await response.json()).code).toBe(code);
}

describe("lean server", () => {
  it("creates a curative over the documented path (201)", async () => {
    const anomalyId = await openAnomaly(env.database.db, seed.acme);
    const response = await fetch(`${server.url}${PATHS.curative}`, {
      method: "POST",
      headers: { ...json, ...manager },
      body: JSON.stringify({
        scheduledStart: "2026-12-01T08:00:00.000Z",
        scheduledEnd: "2026-12-01T12:00:00.000Z",
        anomalyIds: [anomalyId],
        creationStatus: CreationStatus.toScheduled,
      }),
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.data.type).toBe(InterventionType.curative);
    expect(body.data.id).toBeGreaterThan(0);
  });

  it("refuses missing credentials (401), unknown paths (404) and wrong methods (405)", async () => {
    await problem(
      await fetch(`${server.url}${PATHS.curative}`, { method: "POST", headers: json, body: "{}" }),
      401,
      "UNAUTHENTICATED",
    );
    await problem(await fetch(`${server.url}/interventions/v2/nowhere`), 404, "ROUTE_NOT_FOUND");
    await problem(await fetch(`${server.url}/not-served-here`), 404, "ROUTE_NOT_FOUND");
    const wrong = await fetch(`${server.url}${PATHS.curative}`, { method: "GET", headers: manager });
    expect(wrong.headers.get("allow")).toBe("POST");
    await problem(wrong, 405, "METHOD_NOT_ALLOWED");
    await problem(await fetch(`${server.url}/health`, { method: "POST" }), 405, "METHOD_NOT_ALLOWED");
  });

  it("answers 413 to an endless streamed body once it passes the limit, without reading it all", async () => {
    const { status, body, sent } = await postEndlessBody(`${server.url}${PATHS.curative}`, manager);
    expect(status).toBe(413);
    expect(JSON.parse(body).code).toBe("PAYLOAD_TOO_LARGE");
    expect(sent).toBeGreaterThan(BODY_LIMIT_BYTES);
    // The connection is still answered while the client is still sending: nothing was buffered whole.
    expect(sent).toBeLessThan(64 * BODY_LIMIT_BYTES);
  });

  it("reports health and serves the OpenAPI document", async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: env.database.kind });
    const document = await fetch(`${server.url}/openapi.json`);
    expect(document.status).toBe(200);
    expect((await document.json()).openapi).toMatch(/^3\.1/);
  });

  it("serves tRPC and the auth routes", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { limit: 2 } }));
    const list = await fetch(`${server.url}/api/trpc/interventions.list?input=${input}`, { headers: manager });
    expect(list.status).toBe(200);
    expect((await list.json()).result.data.json.items).toHaveLength(2);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: "manager@acme.example", password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).data.token).toEqual(expect.any(String));
    await problem(await fetch(`${server.url}/api/auth/login`), 405, "METHOD_NOT_ALLOWED");
  });
});

/** POSTs 64 KiB chunks without a content-length until the server answers; the bytes sent by then. */
function postEndlessBody(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const req = httpRequest(url, { method: "POST", headers: { ...json, ...headers } }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => {
        body += part;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
      res.on("error", reject);
    });
    // The server closes the connection after its answer: a write may then fail, which is expected.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = () => {
      while (!answered && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
    };
    write();
  });
}
