import { assertRoleAllows, idParam, parseInput, RateLimitedError, validationError } from "@interventions/domain";
import type { ActorCache } from "../auth/actor-cache";
import { authenticateRequest } from "../auth/authenticate";
import type { SessionTokens } from "../auth/session-token";
import type { Actor, ServiceDeps } from "../context";
import { matchRoutes } from "../contract/partner-routes";
import {
  entityTag,
  errorResponse,
  type FetchHandler,
  ifMatchVersions,
  ifNoneMatchHolds,
  methodNotAllowed,
  readJsonBody,
  routeNotFound,
} from "../http";
import type { Budget, RateLimits } from "../limits/rate-limits";
import { idempotent, readIdempotencyKey } from "./idempotency";

export interface RestDeps {
  services: ServiceDeps;
  tokens: SessionTokens;
  /** Each API key's budget of requests per minute. */
  rateLimits: RateLimits;
  /** Partners authenticated in the last second (the auth handler's sign-out forgets them). */
  actors?: ActorCache<Actor>;
  clock?: () => Date;
  /** Receives unexpected errors; the client only learns that one happened. */
  onError?: (error: unknown) => void;
}

/** The documented REST paths as a framework-neutral fetch handler: Next.js mounts it, so can any Node server. */
export function createRestHandler(deps: RestDeps): FetchHandler {
  const clock = deps.clock ?? (() => new Date());
  return async (request) => {
    // Set once the API key is known: every answer from then on says where its budget stands.
    let budget: Budget | undefined;
    const response = await answer(request, (spent) => {
      budget = spent;
    });
    if (budget) for (const [name, value] of Object.entries(budgetHeaders(budget))) response.headers.set(name, value);
    return response;
  };

  async function answer(request: Request, spent: (budget: Budget) => void): Promise<Response> {
    try {
      const { pathname } = new URL(request.url);
      const matching = matchRoutes(pathname).map(({ route, segments }) => ({
        route,
        segments: segments.map(decodeSegment),
      }));
      if (matching.length === 0) throw routeNotFound(pathname);
      const allowed = [...new Set(matching.map(({ route }) => route.method))].join(", ");
      const found = matching.find(({ route }) => route.method === request.method);
      if (request.method === "OPTIONS")
        return new Response(null, { status: 204, headers: { allow: `${allowed}, OPTIONS` } });
      if (!found) throw methodNotAllowed(request.method, allowed);

      const { route, segments } = found;
      const now = clock();
      const actor = await authenticateRequest(
        deps.services.db,
        deps.tokens,
        { authorization: request.headers.get("authorization"), sessionToken: request.headers.get("x-session-token") },
        now,
        deps.actors,
      );
      if (actor.apiClientId !== null) {
        const budget = await deps.rateLimits.spendApiKey(actor.apiClientId);
        spent(budget);
        if (!budget.allowed) {
          throw new RateLimitedError(
            budget.resetSeconds,
            `This API key has used its ${budget.limit} requests of the minute; retry in ${budget.resetSeconds} s`,
          );
        }
      }
      assertRoleAllows(actor.role, route.operation);
      const sent = "body" in route.request ? await readJsonBody(request) : queryParameters(request);
      const params = Object.fromEntries(
        route.params.map((name, index) => [name, parseInput(idParam, segments[index], name)]),
      );
      const fields = parseInput("body" in route.request ? route.request.body : route.request.query, sent);
      const expectedVersions =
        route.condition === "ifMatch" ? ifMatchVersions(request.headers.get("if-match")) : undefined;
      const input = { ...fields, ...params, ...(expectedVersions ? { expectedVersions } : {}) };
      const ctx = { ...deps.services, actor, now };
      const key = route.idempotent ? readIdempotencyKey(request) : undefined;

      if (key !== undefined && actor.apiClientId !== null) {
        const answer = await idempotent(
          deps.services.db,
          { apiClientId: actor.apiClientId, key, operationId: route.operationId, request: { params, sent }, now },
          async (tx) => ({ status: route.status, ...(await route.run({ ...ctx, db: tx }, input)) }),
        );
        const body =
          answer.replayed && route.refreshReplay ? await route.refreshReplay(ctx, input, answer.body) : answer.body;
        return Response.json(body, {
          status: answer.status,
          headers: {
            ...(answer.version === undefined ? {} : { etag: entityTag(answer.version) }),
            ...(answer.replayed ? { "idempotent-replayed": "true" } : {}),
          },
        });
      }

      const { body, version } = await route.run(ctx, input);
      if (version === undefined) return Response.json(body, { status: route.status });
      const etag = entityTag(version);
      if (route.condition === "ifNoneMatch" && ifNoneMatchHolds(request.headers.get("if-none-match"), version)) {
        return new Response(null, { status: 304, headers: { etag } });
      }
      return Response.json(body, { status: route.status, headers: { etag } });
    } catch (error) {
      return errorResponse(error, deps.onError);
    }
  }
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): the policy, and what is left of it. */
function budgetHeaders(budget: Budget): Record<string, string> {
  return {
    "ratelimit-policy": `"per-api-key";q=${budget.limit};w=60`,
    ratelimit: `"per-api-key";r=${budget.remaining};t=${budget.resetSeconds}`,
  };
}

/** The query string as an object; a parameter given twice is refused rather than half-read. */
function queryParameters(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  const repeated = [...new Set([...params.keys()].filter((key) => params.getAll(key).length > 1))];
  if (repeated.length > 0) {
    throw validationError(repeated.map((key) => ({ path: key, message: "Give this parameter once" })));
  }
  return Object.fromEntries(params);
}

/** A malformed escape stays as it is, and then fails the parameter's own validation (400, not 500). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
