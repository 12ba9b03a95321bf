import type { Database } from "@interventions/db";
import { isDomainError } from "@interventions/domain";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { authenticateRequest } from "../auth/authenticate";
import { actorFromBrowserSession, readBrowserSession, readCookie } from "../auth/browser-session";
import type { SessionTokens } from "../auth/session-token";
import type { Actor } from "../context";
import type { JobQueue } from "../jobs/job-queue";
import type { FetchHandler } from "../rest/handler";
import { HttpProblem } from "../rest/problem";
import { BODY_LIMIT_BYTES, readLimited } from "../rest/read-json";
import type { SignatureStorage } from "../storage/signature-storage";
import type { TrpcContext } from "./init";
import { appRouter } from "./root";

export interface TrpcDeps {
  db: Database;
  tokens: SessionTokens;
  storage: SignatureStorage;
  jobs: JobQueue;
  endpoint: string;
  clock?: () => Date;
  /** How a request names its actor; by default the partner headers, else the dashboard's session cookie. */
  resolveActor?: (request: Request, now: Date) => Promise<Actor | null>;
  onError?: (error: unknown) => void;
}

/** tRPC over fetch: framework-neutral, like the REST handler, with the same 1 MiB body limit. */
export function createTrpcHandler(deps: TrpcDeps): FetchHandler {
  const clock = deps.clock ?? (() => new Date());
  const resolveActor = deps.resolveActor ?? ((request, now) => actorFromHeaders(deps, request, now));
  return async (incoming) => {
    const request = await withLimitedBody(incoming);
    if (!request) return payloadTooLarge();
    return fetchRequestHandler({
      endpoint: deps.endpoint,
      req: request,
      router: appRouter,
      createContext: async (): Promise<TrpcContext> => {
        const now = clock();
        const base = { db: deps.db, storage: deps.storage, jobs: deps.jobs, now };
        try {
          return { ...base, actor: await resolveActor(request, now), authError: null };
        } catch (error) {
          if (isDomainError(error)) return { ...base, actor: null, authError: error };
          throw error;
        }
      },
      onError: ({ error }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") deps.onError?.(error.cause ?? error);
      },
    });
  };
}

/** The request with its body read into memory within the limit, or null when the body is larger. */
async function withLimitedBody(request: Request): Promise<Request | null> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  try {
    const body = await readLimited(request);
    return new Request(request.url, { method: request.method, headers: request.headers, body });
  } catch (error) {
    if (error instanceof HttpProblem) return null;
    throw error;
  }
}

/** A 413 in tRPC's own error envelope, so that tRPC clients read it like any other error. */
function payloadTooLarge(): Response {
  const message = `The body exceeds ${BODY_LIMIT_BYTES} bytes`;
  const shape = {
    message,
    code: -32600,
    data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, errorCode: "PAYLOAD_TOO_LARGE", issues: [] },
  };
  return Response.json({ error: superjson.serialize(shape) }, { status: 413 });
}

/**
 * Partner headers → the same 401/403 as REST when they do not hold. Otherwise the dashboard's cookie;
 * no credentials → no actor (public procedures only).
 */
async function actorFromHeaders(deps: TrpcDeps, request: Request, now: Date): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  const sessionToken = request.headers.get("x-session-token");
  if (authorization || sessionToken)
    return authenticateRequest(deps.db, deps.tokens, { authorization, sessionToken }, now);
  // A cookie rides along with cross-site requests: a write must come from a page of this origin.
  if (request.method !== "GET" && !sameOrigin(request)) return null;
  const cookies = request.headers.get("cookie");
  return actorFromBrowserSession(
    deps.db,
    deps.tokens,
    readBrowserSession((name) => readCookie(cookies, name)),
    now,
  );
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin === null || host === null) return false;
  // `null` (sandboxed frames) and other unparsable origins are simply not this one.
  return URL.canParse(origin) && new URL(origin).host === host;
}
