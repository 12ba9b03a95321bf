import { emailOutbox, interventionEvents, interventions, notifications, sessions } from "@interventions/db";
import type { InterventionStatus, InterventionType } from "@interventions/domain";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import superjson from "superjson";
import { expect } from "vitest";
import type { AppRouter } from "../trpc";
import { type ApiTestEnv, BASE_URL } from "./test-env";

export const ACME_KEY = "ivk_demo_acme_properties_0000000000000000000000000000";
export const LYCEE_KEY = "ivk_demo_lycee_victor_hugo_000000000000000000000000000";

/** The five documented paths, each with a body its schema accepts (ids need not exist). */
export interface DocumentedCall {
  name: string;
  method: "POST" | "PATCH";
  path: string;
  body: Record<string, unknown>;
}

export function documentedCalls(interventionId = 1): DocumentedCall[] {
  return [
    {
      name: "000 unplanned preventive",
      method: "POST",
      path: "/interventions/v2/mb/preventive/unplanned",
      body: {
        companyId: 1,
        siteIds: [1],
        ruleIds: [1],
        signature: { name: "example.jpg", mimeType: "image/jpeg", size: 1024 },
        provider: { firstName: "Karim", lastName: "Benali", email: "example@mail.fr" },
        actualStart: "2026-11-23T08:34:56.000Z",
      },
    },
    {
      name: "001 curative",
      method: "POST",
      path: "/interventions/v2/rs/curative",
      body: {
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        anomalyIds: [8],
        creationStatus: 0,
      },
    },
    {
      name: "002 update preventive",
      method: "PATCH",
      path: `/interventions/v2/rs/preventive/${interventionId}`,
      body: { description: "Description of the intervention" },
    },
    {
      name: "003 update training exercise",
      method: "PATCH",
      path: `/interventions/v2/rs/training-exercise/${interventionId}`,
      body: { description: "Description of the intervention" },
    },
    {
      name: "004 verify",
      method: "PATCH",
      path: `/interventions/v2/rs/${interventionId}/verify`,
      body: { decisionComment: "Compliant.", decision: 1 },
    },
  ];
}

/** A request with exactly the headers given (no default content-type). */
export function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: BodyInit | Uint8Array | null,
): Request {
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (body !== undefined && body !== null) {
    init.body = body as BodyInit;
    if (body instanceof ReadableStream) init.duplex = "half";
  }
  return new Request(`${BASE_URL}${path}`, init);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
}

/** An RFC 9457 problem of that status and code, with nothing internal in it. */
export async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expectNoLeak(text);
  const body = JSON.parse(text) as Problem;
  expect(body).toMatchObject({ status, code });
  expect(body.type).toBe(`urn:interventions:problem:${code.toLowerCase().replaceAll("_", "-")}`);
  expect(typeof body.title).toBe("string");
  expect(body.title.length).toBeGreaterThan(0);
  expect(typeof body.detail).toBe("string");
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}

export async function expectUnauthenticated(response: Response): Promise<Problem> {
  expect(response.headers.get("www-authenticate")).toBe('Bearer realm="interventions"');
  return expectProblem(response, 401, "UNAUTHENTICATED");
}

/** No stack frame, SQL, driver message or file path in an answer a client sees. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(text).not.toMatch(/"stack"/);
  expect(text).not.toMatch(/\b(select|insert|update|delete) .*\b(from|into|set|where)\b/i);
  expect(text).not.toMatch(/relation "|does not exist|syntax error|postgres|pglite|drizzle/i);
  expect(text).not.toMatch(/\/work\/|node_modules|\.ts\b/);
}

/** Row counts of the tables a refused request must not touch. */
export async function writeCounts(env: ApiTestEnv) {
  const { db } = env.database;
  const [i] = await db.select({ n: count() }).from(interventions);
  const [e] = await db.select({ n: count() }).from(interventionEvents);
  const [n] = await db.select({ n: count() }).from(notifications);
  const [m] = await db.select({ n: count() }).from(emailOutbox);
  return { interventions: i?.n, events: e?.n, notifications: n?.n, emails: m?.n };
}

export async function sessionCount(env: ApiTestEnv): Promise<number> {
  const [row] = await env.database.db.select({ n: count() }).from(sessions);
  return row?.n ?? 0;
}

/** The first intervention (by id) of an organization with that type and status. */
export async function findIntervention(
  env: ApiTestEnv,
  organizationId: number,
  type: InterventionType,
  status: InterventionStatus,
) {
  const [row] = await env.database.db
    .select()
    .from(interventions)
    .where(
      and(
        eq(interventions.organizationId, organizationId),
        eq(interventions.type, type),
        eq(interventions.status, status),
        isNull(interventions.deletedAt),
      ),
    )
    .orderBy(asc(interventions.id))
    .limit(1);
  if (!row) throw new Error(`no intervention of type ${type} in status ${status} in organization ${organizationId}`);
  return row;
}

/** POST /api/auth/login through the real handler. */
export function login(env: ApiTestEnv, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return env.auth(
    rawRequest("POST", "/api/auth/login", { "content-type": "application/json", ...headers }, JSON.stringify(body)),
  );
}

/** What a tRPC call answered over HTTP, kept so that raw bodies can be checked too. */
export interface TrpcExchange {
  status: number;
  body: string;
}

/** A typed tRPC client whose requests go straight to the env's handler, with the given headers. */
export function trpcClient(env: ApiTestEnv, headers: Record<string, string> = {}, log: TrpcExchange[] = []) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${BASE_URL}/api/trpc`,
        transformer: superjson,
        headers: () => headers,
        fetch: async (url, init) => {
          const response = await env.trpc(new Request(String(url), init as RequestInit));
          log.push({ status: response.status, body: await response.clone().text() });
          return response;
        },
      }),
    ],
  });
}

export interface TrpcErrorData {
  code: string;
  httpStatus: number;
  path?: string;
  errorCode: string;
  issues: { path: string; message: string }[];
}

/** The TRPCClientError a call fails with; fails the test when the call succeeds. */
export async function trpcError(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCClientError);
    const clientError = error as TRPCClientError<AppRouter>;
    expectNoLeak(JSON.stringify(clientError.shape));
    return clientError;
  }
  throw new Error("expected the tRPC call to fail");
}

/** Asserts the error's tRPC code, HTTP status and stable errorCode; returns its data. */
export async function expectTrpcError(
  call: Promise<unknown>,
  code: string,
  httpStatus: number,
  errorCode: string,
): Promise<TrpcErrorData> {
  const error = await trpcError(call);
  const data = error.data as TrpcErrorData;
  expect(data.code, error.message).toBe(code);
  expect(data.httpStatus).toBe(httpStatus);
  expect(data.errorCode).toBe(errorCode);
  expect(Array.isArray(data.issues)).toBe(true);
  expect(Object.keys(data)).not.toContain("stack");
  return data;
}
