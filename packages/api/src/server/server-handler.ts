import { createOpenApiDocument } from "../openapi/document";
import type { FetchHandler } from "../rest/handler";
import { HttpErrorCode, problemResponse } from "../rest/problem";
import type { ApiHandlers } from "../runtime/handlers";
import { type Health, healthResponse } from "../runtime/health";

export interface ServerHandlerDeps {
  handlers: ApiHandlers;
  health: () => Promise<Health>;
}

/**
 * The paths the Next.js app serves for machines, on the same handlers: the partner API, tRPC, the
 * auth routes, /health and /openapi.json. Pages (the dashboard, /docs) stay with the Next.js app.
 */
export function createServerHandler(deps: ServerHandlerDeps): FetchHandler {
  const { rest, trpc, auth } = deps.handlers;
  let document: string | undefined;
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/interventions/v2/")) return rest(request);
    if (pathname === "/api/trpc" || pathname.startsWith("/api/trpc/")) return trpc(request);
    if (/^\/api\/auth\/[^/]+\/?$/.test(pathname)) return auth(request);
    if (pathname === "/health") return onlyGet(request, async () => healthResponse(await deps.health()));
    if (pathname === "/openapi.json") {
      return onlyGet(request, async () => {
        document ??= JSON.stringify(createOpenApiDocument());
        return new Response(document, {
          headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
        });
      });
    }
    return problemResponse(404, HttpErrorCode.routeNotFound, `No endpoint at ${pathname}`);
  };
}

async function onlyGet(request: Request, answer: () => Promise<Response>): Promise<Response> {
  if (request.method === "GET" || request.method === "HEAD") return answer();
  return problemResponse(405, HttpErrorCode.methodNotAllowed, `${request.method} is not allowed here`, {
    headers: { allow: "GET, HEAD" },
  });
}
