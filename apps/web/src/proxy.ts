import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, HSTS } from "./security-headers";

// Must match SESSION_COOKIE in @interventions/api; not imported, so that the proxy bundle stays small.
const SESSION_COOKIE = "interventions_session";

/** The dashboard's pages: without a session cookie they go to the sign-in page. */
const DASHBOARD = [
  /^\/$/,
  /^\/compliance(\/.*)?$/,
  /^\/interventions$/,
  /^\/interventions\/\d+$/,
  /^\/planning$/,
  /^\/sites(\/.*)?$/,
  /^\/anomalies$/,
  /^\/members$/,
];

/**
 * Every page: a fresh nonce for its Content-Security-Policy (Next.js reads it from the request's header and
 * puts it on its scripts). Dashboard pages without a session cookie go to the sign-in page, keeping the
 * address (with its filters) to come back to: an optimistic check only, the layout verifies the session.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (DASHBOARD.some((page) => page.test(pathname)) && !request.cookies.has(SESSION_COOKIE)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  // Pages only: not the APIs (JSON, no scripts), the REST paths, the built assets, the icons or the API reference.
  matcher: [
    "/((?!api/|interventions/v2/|_next/static|_next/image|vendor/|docs|openapi.json|health|favicon.ico|icon.svg|apple-icon.png).*)",
  ],
};
