import { errorResponse, type FetchHandler, methodNotAllowed, routeNotFound } from "@interventions/api/http";
import { createOpenApiDocument } from "@interventions/api/openapi";
import { type ApiHandlers, type Health, healthResponse } from "@interventions/api/runtime";

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
    return errorResponse(routeNotFound(pathname));
  };
}

async function onlyGet(request: Request, answer: () => Promise<Response>): Promise<Response> {
  if (request.method === "GET" || request.method === "HEAD") return answer();
  return errorResponse(methodNotAllowed(request.method, "GET, HEAD"));
}
