import { isDatabaseUnavailable } from "@interventions/db";
import { isDomainError } from "@interventions/domain";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { authenticateRequest } from "../auth/authenticate";
import { actorFromBrowserSession, readBrowserSession, readCookie } from "../auth/browser-session";
import type { SessionTokens } from "../auth/session-token";
import type { Actor, ServiceDeps } from "../context";
import {
  BODY_LIMIT_MESSAGE,
  declaresTooLarge,
  type FetchHandler,
  limitedBody,
  RETRY_AFTER_SECONDS,
  requestAddress,
} from "../http";
import { databaseUnavailable, type TrpcContext } from "./init";
import { appRouter } from "./root";

export interface TrpcDeps {
  services: ServiceDeps;
  tokens: SessionTokens;
  endpoint: string;
  clock?: () => Date;
  /** Whether a reverse proxy in front sets X-Forwarded-Host/-Proto (TRUST_PROXY); otherwise they are ignored. */
  trustProxy?: boolean;
  /** How a request names its actor; by default the partner headers, else the dashboard's session cookie. */
  resolveActor?: (request: Request, now: Date) => Promise<Actor | null>;
  onError?: (error: unknown) => void;
}

const tooLarge = () => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: BODY_LIMIT_MESSAGE });

/** tRPC over fetch: framework-neutral, like the REST handler, with the same 1 MiB body limit. */
export function createTrpcHandler(deps: TrpcDeps): FetchHandler {
  const clock = deps.clock ?? (() => new Date());
  const resolveActor = deps.resolveActor ?? ((request, now) => actorFromHeaders(deps, request, now));
  return async (incoming) => {
    const request = withLimitedBody(incoming);
    return fetchRequestHandler({
      endpoint: deps.endpoint,
      req: request,
      router: appRouter,
      createContext: async (): Promise<TrpcContext> => {
        const now = clock();
        const base = { services: deps.services, now };
        try {
          return { ...base, actor: await resolveActor(request, now), authError: null };
        } catch (error) {
          if (isDomainError(error)) return { ...base, actor: null, authError: error };
          if (isDatabaseUnavailable(error)) throw databaseUnavailable(error);
          throw error;
        }
      },
      // A 503 says when to come back, as the REST adapter's does.
      responseMeta: ({ errors }) =>
        errors.some((error) => error.code === "SERVICE_UNAVAILABLE")
          ? { headers: new Headers({ "retry-after": String(RETRY_AFTER_SECONDS) }) }
          : {},
      onError: ({ error }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") deps.onError?.(error.cause ?? error);
      },
    });
  };
}

/**
 * The request with a body that fails with tRPC's own PAYLOAD_TOO_LARGE past the limit, so that tRPC answers
 * 413 in its envelope; a body that declares itself too large fails before a byte is read.
 */
function withLimitedBody(request: Request): Request {
  if (!request.body) return request;
  const body = declaresTooLarge(request)
    ? new ReadableStream<Uint8Array>({ start: (controller) => controller.error(tooLarge()) })
    : limitedBody(request.body, tooLarge);
  const init: RequestInit & { duplex: "half" } = {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: "half",
  };
  return new Request(request.url, init);
}

/**
 * Partner headers → the same 401/403 as REST when they do not hold. Otherwise the dashboard's cookie;
 * no credentials → no actor (public procedures only).
 */
async function actorFromHeaders(deps: TrpcDeps, request: Request, now: Date): Promise<Actor | null> {
  const { db } = deps.services;
  const authorization = request.headers.get("authorization");
  const sessionToken = request.headers.get("x-session-token");
  if (authorization || sessionToken) return authenticateRequest(db, deps.tokens, { authorization, sessionToken }, now);
  // A cookie rides along with cross-site requests: a write must come from a page of this origin.
  if (request.method !== "GET" && !sameOrigin(request, deps.trustProxy ?? false)) return null;
  const cookies = request.headers.get("cookie");
  return actorFromBrowserSession(
    db,
    deps.tokens,
    readBrowserSession((name) => readCookie(cookies, name)),
    now,
  );
}

function sameOrigin(request: Request, trustProxy: boolean): boolean {
  const origin = request.headers.get("origin");
  const { host, protocol } = requestAddress(request, trustProxy);
  // `null` (sandboxed frames) and other unparsable origins are simply not this one.
  if (origin === null || host === null || !URL.canParse(origin)) return false;
  const url = new URL(origin);
  return url.host === host && (protocol === null || url.protocol === protocol);
}
