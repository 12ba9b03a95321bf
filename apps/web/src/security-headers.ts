// What every answer of the app carries against clickjacking, MIME sniffing and referrer leaks; pages also
// get a Content-Security-Policy with a nonce of their own (proxy.ts). No import: the proxy bundle stays small.

export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
] as const;

/** Two years, subdomains too: only sent over HTTPS (a browser ignores it over HTTP). */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Scripts only from this server and those Next.js marks with the request's nonce ('strict-dynamic' lets its
 * loader add chunks); no plugin, no framing, forms posting only here. Signature images are shown from the
 * storage's presigned links, whatever the S3 server. Development adds what React's fast refresh needs.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
