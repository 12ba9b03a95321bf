import { CreationStatus, VerificationDecision } from "@interventions/domain";
import { createTRPCClient, createTRPCUntypedClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../trpc";
import { type ApiTestEnv, BASE_URL } from "./test-env";

// Requests as clients send them: the documented REST paths and their example bodies, raw and JSON
// requests to the handlers, and tRPC clients (typed, and untyped for inputs the types rightly refuse).

export const PATHS = {
  unplanned: "/interventions/v2/mb/preventive/unplanned",
  curative: "/interventions/v2/rs/curative",
  preventive: (id: number | string) => `/interventions/v2/rs/preventive/${id}`,
  trainingExercise: (id: number | string) => `/interventions/v2/rs/training-exercise/${id}`,
  verify: (id: number | string) => `/interventions/v2/rs/${id}/verify`,
};

/** The id the documentation's examples use: its schema accepts it, and where these bodies are used it need not exist. */
export const EXAMPLE_ID = 1;

/** The five documented paths, each with a body its schema accepts. */
export interface DocumentedCall {
  name: string;
  method: "POST" | "PATCH";
  path: string;
  body: Record<string, unknown>;
}

/** The ids the example bodies name: pass the seed's where a call must get past the lookups. */
export interface DocumentedIds {
  /** On the PATCH paths; a string is put in the path as it is (a placeholder, a malformed id). */
  interventionId?: number | string;
  companyId?: number;
  siteId?: number;
  ruleId?: number;
  anomalyId?: number;
}

export function documentedCalls(ids: DocumentedIds = {}): DocumentedCall[] {
  const { interventionId = EXAMPLE_ID, companyId = EXAMPLE_ID, siteId = EXAMPLE_ID, ruleId = EXAMPLE_ID } = ids;
  return [
    {
      name: "000 unplanned preventive",
      method: "POST",
      path: PATHS.unplanned,
      body: {
        companyId,
        siteIds: [siteId],
        ruleIds: [ruleId],
        signature: { name: "example.jpg", mimeType: "image/jpeg", size: 1024 },
        provider: { firstName: "Karim", lastName: "Benali", email: "example@mail.fr" },
        actualStart: "2026-11-23T08:34:56.000Z",
      },
    },
    {
      name: "001 curative",
      method: "POST",
      path: PATHS.curative,
      body: {
        scheduledStart: "2026-12-01T12:34:56.000Z",
        scheduledEnd: "2026-12-05T14:56:23.000Z",
        anomalyIds: [ids.anomalyId ?? EXAMPLE_ID],
        creationStatus: CreationStatus.toScheduled,
      },
    },
    {
      name: "002 update preventive",
      method: "PATCH",
      path: PATHS.preventive(interventionId),
      body: { description: "Description of the intervention" },
    },
    {
      name: "003 update training exercise",
      method: "PATCH",
      path: PATHS.trainingExercise(interventionId),
      body: { description: "Description of the intervention" },
    },
    {
      name: "004 verify",
      method: "PATCH",
      path: PATHS.verify(interventionId),
      body: { decisionComment: "Compliant.", decision: VerificationDecision.accept },
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

/** A JSON request to the handlers, as a partner would send it. */
export function jsonRequest(method: string, path: string, headers: Record<string, string>, body?: unknown): Request {
  return new Request(`${BASE_URL}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** POST /api/auth/login through the real handler. */
export function login(env: ApiTestEnv, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return env.auth(
    rawRequest("POST", "/api/auth/login", { "content-type": "application/json", ...headers }, JSON.stringify(body)),
  );
}

/** A raw request to the tRPC endpoint, with exactly these headers. */
export function trpcRequest(
  method: "GET" | "POST",
  procedure: string,
  headers: Record<string, string>,
  input?: unknown,
): Request {
  const encoded = JSON.stringify({ json: input });
  if (method === "GET") {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(encoded)}`;
    return new Request(`${BASE_URL}/api/trpc/${procedure}${query}`, { method, headers });
  }
  return new Request(`${BASE_URL}/api/trpc/${procedure}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: encoded,
  });
}

/** What a tRPC call answered over HTTP, kept so that raw bodies can be checked too. */
export interface TrpcExchange {
  status: number;
  body: string;
}

function trpcOptions(env: ApiTestEnv, headers: Record<string, string>, log: TrpcExchange[]) {
  return {
    links: [
      httpLink<AppRouter>({
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
  };
}

/** A typed tRPC client whose requests go straight to the env's handler, with the given headers. */
export function trpcClient(env: ApiTestEnv, headers: Record<string, string> = {}, log: TrpcExchange[] = []) {
  return createTRPCClient<AppRouter>(trpcOptions(env, headers, log));
}

/**
 * The same transport without the router's types, `client.query("interventions.get", { interventionId: "1" })`:
 * for the inputs a typed call would not compile, which a client in another language can still send.
 */
export function untypedTrpcClient(env: ApiTestEnv, headers: Record<string, string> = {}, log: TrpcExchange[] = []) {
  return createTRPCUntypedClient<AppRouter>(trpcOptions(env, headers, log));
}
