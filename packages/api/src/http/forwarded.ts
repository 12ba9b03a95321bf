/** Where a request was addressed: the host it names and, when known, the scheme (`https:`). */
export interface RequestAddress {
  host: string | null;
  protocol: string | null;
}

/** The first of a comma-separated list: the value the proxy nearest the client set. */
function first(value: string | null): string | null {
  const head = value?.split(",")[0]?.trim();
  return head ? head : null;
}

/**
 * The request's Host, or behind a reverse proxy the X-Forwarded-Host and X-Forwarded-Proto it sets. Those
 * are believed only when the deployment says such a proxy stands in front (TRUST_PROXY): otherwise any
 * client could send them. X-Forwarded-For is read nowhere; whatever comes to need it reads it here.
 */
export function requestAddress(request: Request, trustProxy: boolean): RequestAddress {
  const host = request.headers.get("host");
  if (!trustProxy) return { host, protocol: null };
  const proto = first(request.headers.get("x-forwarded-proto"));
  return { host: first(request.headers.get("x-forwarded-host")) ?? host, protocol: proto ? `${proto}:` : null };
}

/**
 * The client's network address, for per-address limits. The server in front adds the peer it saw to
 * X-Forwarded-For (the lean server always does; `next start` when the header is absent); behind a trusted
 * proxy the client is the first entry, otherwise the last one, which the proxy-less server wrote itself.
 */
export function clientAddress(headers: Pick<Headers, "get">, trustProxy: boolean): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return (trustProxy ? hops[0] : hops.at(-1)) ?? "unknown";
}
