import type { Database } from "@interventions/db";
import { assertRoleAllows, isDomainError } from "@interventions/domain";
import { authenticateRequest } from "../auth/authenticate";
import type { SessionTokens } from "../auth/session-token";
import type { JobQueue } from "../jobs/job-queue";
import type { SignatureStorage } from "../storage/signature-storage";
import { domainProblem, HttpErrorCode, HttpProblem, problemResponse } from "./problem";
import { readJsonBody } from "./read-json";
import { ROUTES } from "./routes";

export interface RestDeps {
  db: Database;
  tokens: SessionTokens;
  storage: SignatureStorage;
  jobs: JobQueue;
  clock?: () => Date;
  /** Receives unexpected errors; the client only learns that one happened. */
  onError?: (error: unknown) => void;
}

export type FetchHandler = (request: Request) => Promise<Response>;

/** The documented REST paths as a framework-neutral fetch handler: Next.js mounts it, so can any Node server. */
export function createRestHandler(deps: RestDeps): FetchHandler {
  const clock = deps.clock ?? (() => new Date());
  return async (request) => {
    try {
      const { pathname } = new URL(request.url);
      const matching = ROUTES.flatMap((route) => {
        const match = route.pattern.exec(pathname);
        return match ? [{ route, params: match.slice(1).map(decodeSegment) }] : [];
      });
      if (matching.length === 0) throw new HttpProblem(404, HttpErrorCode.routeNotFound, `No endpoint at ${pathname}`);
      const allowed = [...new Set(matching.map(({ route }) => route.method))].join(", ");
      const found = matching.find(({ route }) => route.method === request.method);
      if (request.method === "OPTIONS")
        return new Response(null, { status: 204, headers: { allow: `${allowed}, OPTIONS` } });
      if (!found) {
        throw new HttpProblem(405, HttpErrorCode.methodNotAllowed, `${request.method} is not allowed here`, {
          allow: allowed,
        });
      }

      const now = clock();
      const actor = await authenticateRequest(
        deps.db,
        deps.tokens,
        { authorization: request.headers.get("authorization"), sessionToken: request.headers.get("x-session-token") },
        now,
      );
      assertRoleAllows(actor.role, found.route.operation);
      const body = await readJsonBody(request);
      const result = await found.route.run(
        { db: deps.db, actor, now, storage: deps.storage, jobs: deps.jobs },
        body,
        found.params,
      );
      return Response.json(result, { status: found.route.status });
    } catch (error) {
      return errorResponse(error, deps.onError);
    }
  };
}

export function errorResponse(error: unknown, onError?: (error: unknown) => void): Response {
  if (isDomainError(error)) return domainProblem(error);
  if (error instanceof HttpProblem)
    return problemResponse(error.status, error.code, error.message, { headers: error.headers });
  onError?.(error);
  return problemResponse(500, HttpErrorCode.internal, "An unexpected error occurred");
}

/** A malformed escape stays as it is, and then fails the parameter's own validation (400, not 500). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
