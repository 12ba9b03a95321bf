const BASE = "http://this.site";

// What the URL parser strips (tab, line feed) or reads as a slash (backslash), and other controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const REFUSED = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to go after signing in: a path of this site only, or the fallback. The address is resolved as a
 * browser would (dot segments, `%2e`), then refused when the result could leave the site: a path starting
 * with `//` (`/..//evil.example` resolves to one), or holding a backslash or a control character, raw or
 * percent-encoded.
 */
export function safeNext(value: unknown, fallback = "/"): string {
  const next = Array.isArray(value) ? value[0] : value;
  // `//host/…` names a host, whichever: this one's name is not known here.
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || REFUSED.test(next)) {
    return fallback;
  }
  let url: URL;
  let decodedPath: string;
  try {
    url = new URL(next, BASE);
    decodedPath = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || decodedPath.startsWith("//") || REFUSED.test(decodedPath)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
