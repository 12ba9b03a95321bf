import type { Database } from "@interventions/db";
import { parseInput } from "@interventions/domain";
import type { ActorCache } from "../auth/actor-cache";
import type { SessionTokens } from "../auth/session-token";
import { signIn, signInInput, signOut } from "../auth/sign-in";
import type { Actor } from "../context";
import {
  clientAddress,
  errorResponse,
  type FetchHandler,
  methodNotAllowed,
  readJsonBody,
  routeNotFound,
} from "../http";
import type { RateLimits } from "../limits/rate-limits";

export interface AuthDeps {
  db: Database;
  tokens: SessionTokens;
  /** The REST handler's authenticated partners: a sign-out here is refused there at once. */
  actors?: ActorCache<Actor>;
  sessionTtlMs: number;
  /** Failed sign-ins per e-mail and per address. */
  rateLimits: RateLimits;
  /** TRUST_PROXY: the client's address is the first X-Forwarded-For entry. */
  trustProxy?: boolean;
  clock?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * `POST /api/auth/login` (e-mail, password → session token) and `POST /api/auth/logout` (revokes the
 * session of the `x-session-token` it is sent with).
 */
export function createAuthHandler(deps: AuthDeps): FetchHandler {
  const clock = deps.clock ?? (() => new Date());
  return async (request) => {
    try {
      const { pathname } = new URL(request.url);
      const action = pathname.replace(/\/+$/, "").split("/").at(-1);
      if (action !== "login" && action !== "logout") throw routeNotFound(pathname);
      if (request.method !== "POST") throw methodNotAllowed(request.method, "POST");
      const now = clock();

      if (action === "logout") {
        const token = request.headers.get("x-session-token");
        const claims = token ? await deps.tokens.verify(token, now) : null;
        if (claims) {
          await signOut(deps.db, claims.sessionId, now);
          deps.actors?.forgetSession(claims.sessionId);
        }
        return new Response(null, { status: 204 });
      }
      const input = parseInput(signInInput, await readJsonBody(request));
      const session = await signIn(
        {
          db: deps.db,
          tokens: deps.tokens,
          now,
          sessionTtlMs: deps.sessionTtlMs,
          userAgent: request.headers.get("user-agent"),
          throttle: { limits: deps.rateLimits, address: clientAddress(request.headers, deps.trustProxy ?? false) },
        },
        input,
      );
      return Response.json({ data: session }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error, deps.onError);
    }
  };
}
