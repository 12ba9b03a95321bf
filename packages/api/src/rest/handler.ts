import { assertRoleAllows, idParam, parseInput, validationError } from "@interventions/domain";
import { authenticateRequest } from "../auth/authenticate";
import type { SessionTokens } from "../auth/session-token";
import type { ServiceDeps } from "../context";
import { PARTNER_ROUTES } from "../contract/partner-routes";
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

export interface RestDeps {
  services: ServiceDeps;
  tokens: SessionTokens;
  clock?: () => Date;
  /** Receives unexpected errors; the client only learns that one happened. */
  onError?: (error: unknown) => void;
}

/** The documented REST paths as a framework-neutral fetch handler: Next.js mounts it, so can any Node server. */
export function createRestHandler(deps: RestDeps): FetchHandler {
  const clock = deps.clock ?? (() => new Date());
  return async (request) => {
    try {
      const { pathname } = new URL(request.url);
      const matching = PARTNER_ROUTES.flatMap((route) => {
        const match = route.pattern.exec(pathname);
        return match ? [{ route, segments: match.slice(1).map(decodeSegment) }] : [];
      });
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
      );
      assertRoleAllows(actor.role, route.operation);
      const sent = "body" in route.request ? await readJsonBody(request) : queryParameters(request);
      const params = Object.fromEntries(
        route.params.map((name, index) => [name, parseInput(idParam, segments[index], name)]),
      );
      const fields = parseInput("body" in route.request ? route.request.body : route.request.query, sent);
      const expectedVersions =
        route.condition === "ifMatch" ? ifMatchVersions(request.headers.get("if-match")) : undefined;
      const { body, version } = await route.run(
        { ...deps.services, actor, now },
        { ...fields, ...params, ...(expectedVersions ? { expectedVersions } : {}) },
      );
      if (version === undefined) return Response.json(body, { status: route.status });
      const etag = entityTag(version);
      if (route.condition === "ifNoneMatch" && ifNoneMatchHolds(request.headers.get("if-none-match"), version)) {
        return new Response(null, { status: 304, headers: { etag } });
      }
      return Response.json(body, { status: route.status, headers: { etag } });
    } catch (error) {
      return errorResponse(error, deps.onError);
    }
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
