import type { SessionTokens } from "../auth/session-token";
import type { ServiceDeps } from "../context";
import { type FetchHandler, withDeadline } from "../http";
import type { RateLimits } from "../limits/rate-limits";
import { createAuthHandler } from "../rest/auth-handler";
import { createRestHandler } from "../rest/handler";
import { createTrpcHandler } from "../trpc/handler";

export interface ApiHandlers {
  rest: FetchHandler;
  trpc: FetchHandler;
  auth: FetchHandler;
}

export interface ApiHandlersDeps {
  services: ServiceDeps;
  tokens: SessionTokens;
  rateLimits: RateLimits;
  sessionTtlMs: number;
  clock?: () => Date;
  /** TRUST_PROXY: believe the X-Forwarded-* headers of a reverse proxy in front. */
  trustProxy?: boolean;
  onError?: (error: unknown) => void;
}

export const TRPC_ENDPOINT = "/api/trpc";

function logUnexpected(error: unknown): void {
  console.error("Unexpected error while serving a request", error);
}

/** The process's three fetch handlers over one set of services: what every server entry mounts. */
export function createApiHandlers(deps: ApiHandlersDeps): ApiHandlers {
  const { services, tokens, clock, trustProxy, rateLimits } = deps;
  const onError = deps.onError ?? logUnexpected;
  const { actors } = services;
  return {
    rest: withDeadline(
      createRestHandler({ services, tokens, rateLimits, ...(actors ? { actors } : {}), clock, onError }),
    ),
    trpc: withDeadline(createTrpcHandler({ services, tokens, clock, trustProxy, endpoint: TRPC_ENDPOINT, onError })),
    auth: withDeadline(
      createAuthHandler({
        db: services.db,
        tokens,
        ...(actors ? { actors } : {}),
        rateLimits,
        trustProxy,
        clock,
        sessionTtlMs: deps.sessionTtlMs,
        onError,
      }),
    ),
  };
}
