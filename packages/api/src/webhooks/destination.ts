import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { validationError } from "@interventions/domain";
import ipaddr from "ipaddr.js";

/** Whether webhooks may reach private, loopback and link-local addresses (tests, the embedded default). */
export interface DestinationPolicy {
  allowPrivate: boolean;
}

const refuse = (message: string) => validationError([{ path: "url", message }]);

/**
 * The URL a subscription posts to, checked before it is kept: HTTPS (plain HTTP only where private
 * addresses are allowed), no credentials, and, unless allowed, no host resolving to an address that is not
 * public (server-side request forgery: a cloud's metadata service, the internal network). The post checks
 * the address again as it connects, since a name may resolve elsewhere later.
 */
export async function checkDestination(raw: string, policy: DestinationPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("Expected an absolute URL such as https://partner.example/webhooks");
  }
  const schemes = policy.allowPrivate ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) throw refuse("Use an https:// URL");
  if (url.username || url.password)
    throw refuse("Leave the user name and password out of the URL: deliveries are signed");
  if (url.hash) throw refuse("Leave the #fragment out of the URL: it is never sent");
  if (policy.allowPrivate) return url.href;

  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = isIP(host) ? [host] : await resolve(host);
  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked)
    throw refuse(`The URL's host is a private or reserved address (${blocked}): webhooks only reach public addresses`);
  return url.href;
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    throw refuse(`The host ${host} could not be found`);
  }
}

/** The rule the connecting agent applies too: only globally routable unicast addresses. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}
