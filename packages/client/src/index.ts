import createFetchClient, { type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema";

export type { components, operations, paths };

export interface InterventionsClientOptions {
  /** The server's origin, e.g. `https://interventions.example.com`. */
  baseUrl: string;
  /** The partner's API key, sent as `Authorization: Bearer …`. */
  apiKey: string;
  /** The user's session token from `POST /api/auth/login`, sent as `x-session-token`. */
  sessionToken: string;
  /** A fetch of your own (a proxy, retries, tests); the global one by default. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The error body of every non-2xx answer (RFC 9457). */
export type Problem = components["schemas"]["Problem"];

/**
 * A client of the partner API whose paths, bodies and answers are typed from the OpenAPI document:
 * `client.POST("/interventions/v2/rs/curative", { body })` returns `{ data }` on success, `{ error }` (a Problem) otherwise.
 */
export function createInterventionsClient(options: InterventionsClientOptions) {
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const credentials: Middleware = {
    onRequest({ request }) {
      request.headers.set("authorization", `Bearer ${options.apiKey}`);
      request.headers.set("x-session-token", options.sessionToken);
      return request;
    },
  };
  client.use(credentials);
  return client;
}

export type InterventionsClient = ReturnType<typeof createInterventionsClient>;
