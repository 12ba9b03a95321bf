/**
 * Whether an error means the database could not be reached or dropped the connection before the work was
 * done: a retry may succeed. postgres.js names its own connection failures in `code`; PostgreSQL's are
 * SQLSTATE class 08 (connection exception) and 57P01–57P03 (shut down, crashed, starting up); Drizzle wraps
 * the driver's error in `cause`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = typeof current === "object" && "code" in current ? String(current.code) : "";
    if (DRIVER_CODES.has(code) || code.startsWith("08") || SERVER_CODES.has(code)) return true;
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return false;
}

const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);

const DRIVER_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
