/**
 * Where to go after signing in: a path of this site only. `new URL` resolves what browsers resolve
 * (`/\evil.example`, a tab inside `//`), so anything that leaves the origin is refused.
 */
export function safeNext(value: unknown, fallback = "/interventions"): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (typeof next !== "string" || !next.startsWith("/")) return fallback;
  const base = "http://this.site";
  try {
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
