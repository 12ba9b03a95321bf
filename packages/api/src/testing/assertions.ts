import { TRPCClientError } from "@trpc/client";
import { expect } from "vitest";
import type { AppRouter } from "../trpc";

// How a refusal must look to a client, on each transport: the RFC 9457 problem of REST and tRPC's error
// shape, with the same stable code, and nothing internal (stack, SQL, driver, path) in either.

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

/** A 400 VALIDATION_FAILED naming the field (`path`, or a path starting with it). */
export async function expectValidation(response: Response, path: string) {
  const body = await expectProblem(response, 400, "VALIDATION_FAILED");
  const issues = body.errors ?? [];
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
  const paths = issues.map((issue) => issue.path);
  expect(
    paths.some((p) => p === path || p.startsWith(`${path}.`)),
    `${path} in ${JSON.stringify(paths)}`,
  ).toBe(true);
  return body;
}

/** No stack frame, SQL, driver message or file path in an answer a client sees. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(text).not.toMatch(/"stack"/);
  expect(text).not.toMatch(/\b(select|insert|update|delete) .*\b(from|into|set|where)\b/i);
  expect(text).not.toMatch(/relation "|does not exist|syntax error|postgres|pglite|drizzle/i);
  expect(text).not.toMatch(/\/work\/|node_modules|\.ts\b/);
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Every datetime field of a response object (…At, …Start, …End, …Date) is null or ISO-8601 UTC. */
export function expectIsoDates(data: Record<string, unknown>) {
  const fields = Object.keys(data).filter((key) => /(At|Start|End|Date)$/.test(key));
  expect(fields).toEqual(expect.arrayContaining(["scheduledStart", "scheduledEnd", "createdAt", "updatedAt"]));
  for (const field of fields) {
    if (data[field] !== null) expect(data[field], field).toMatch(ISO_UTC);
  }
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
