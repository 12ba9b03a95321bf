import { type NextRequest, NextResponse } from "next/server";

// Must match SESSION_COOKIE in @interventions/api; not imported, so that the proxy bundle stays small.
const SESSION_COOKIE = "interventions_session";

/**
 * An optimistic check only: without a session cookie, dashboard pages go to the sign-in page, keeping the
 * address (with its filters) to come back to. The layout verifies the session itself.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: [
    "/",
    "/compliance/:path*",
    "/interventions",
    "/interventions/:id(\\d+)",
    "/planning",
    "/sites/:path*",
    "/anomalies",
  ],
};
