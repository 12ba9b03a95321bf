import { isDatabaseUnavailable } from "@interventions/db";
import { type DomainError, ErrorCode, type FieldIssue, isDomainError, RateLimitedError } from "@interventions/domain";

/** Errors only the HTTP layer knows (before any service runs). */
export const HttpErrorCode = {
  malformedJson: "MALFORMED_JSON",
  payloadTooLarge: "PAYLOAD_TOO_LARGE",
  unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
  methodNotAllowed: "METHOD_NOT_ALLOWED",
  routeNotFound: "ROUTE_NOT_FOUND",
  databaseUnavailable: "DATABASE_UNAVAILABLE",
  requestTimeout: "REQUEST_TIMEOUT",
  /** An Idempotency-Key sent again with another request. */
  idempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
  /** An Idempotency-Key sent again while its first request is still running. */
  idempotencyInProgress: "IDEMPOTENCY_IN_PROGRESS",
  internal: "INTERNAL_ERROR",
} as const;
export type HttpErrorCode = (typeof HttpErrorCode)[keyof typeof HttpErrorCode];

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** RFC 9457 problem details, with a stable `code` and, for validation, the field `errors`. */
export function problemResponse(
  status: number,
  code: string,
  detail: string,
  options: { errors?: readonly FieldIssue[]; headers?: Record<string, string> } = {},
): Response {
  const body = {
    type: `urn:interventions:problem:${code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    code,
    ...(options.errors ? { errors: options.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...options.headers },
  });
}

/** The one mapping from the domain's error codes to HTTP statuses. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.validationFailed:
      return 400;
    case ErrorCode.unauthenticated:
      return 401;
    case ErrorCode.forbidden:
      return 403;
    case ErrorCode.notFound:
      return 404;
    case ErrorCode.invalidState:
    case ErrorCode.conflict:
      return 409;
    case ErrorCode.preconditionFailed:
      return 412;
    case ErrorCode.rateLimited:
      return 429;
  }
}

function domainProblem(error: DomainError): Response {
  const status = statusOf(error.code);
  return problemResponse(status, error.code, error.message, {
    ...(error.code === ErrorCode.validationFailed || error.issues.length > 0 ? { errors: error.issues } : {}),
    ...(status === 401 ? { headers: { "www-authenticate": 'Bearer realm="interventions"' } } : {}),
    ...(error instanceof RateLimitedError ? { headers: { "retry-after": String(error.retryAfterSeconds) } } : {}),
  });
}

/** Any error as a problem response; an unexpected one goes to `onError` and says nothing more than 500. */
export function errorResponse(error: unknown, onError?: (error: unknown) => void): Response {
  if (isDomainError(error)) return domainProblem(error);
  if (error instanceof HttpProblem)
    return problemResponse(error.status, error.code, error.message, { headers: error.headers });
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  onError?.(error);
  return problemResponse(500, HttpErrorCode.internal, "An unexpected error occurred");
}

export function methodNotAllowed(method: string, allow: string): HttpProblem {
  return new HttpProblem(405, HttpErrorCode.methodNotAllowed, `${method} is not allowed here`, { allow });
}

export function routeNotFound(pathname: string): HttpProblem {
  return new HttpProblem(404, HttpErrorCode.routeNotFound, `No endpoint at ${pathname}`);
}

/** Seconds a client should wait before retrying when the database is away for a moment. */
export const RETRY_AFTER_SECONDS = 2;

/** 503: the database dropped or refused the connection before the work was committed; a retry may succeed. */
export function databaseUnavailable(): Response {
  return problemResponse(503, HttpErrorCode.databaseUnavailable, "The database is unavailable for a moment; retry", {
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
  });
}
