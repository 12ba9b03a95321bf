/** The one error vocabulary: every transport maps these codes to its own statuses. */
export const ErrorCode = {
  validationFailed: "VALIDATION_FAILED",
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  notFound: "NOT_FOUND",
  invalidState: "INVALID_STATE",
  conflict: "CONFLICT",
  /** A conditional write whose condition no longer holds: the client read a version that is gone. */
  preconditionFailed: "PRECONDITION_FAILED",
  /** Too many requests in a window (an API key's budget, failed sign-ins): retry after the given wait. */
  rateLimited: "RATE_LIMITED",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** Over a rate limit: nothing was done; the same request may succeed after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(ErrorCode.rateLimited, message);
  }
}

export function validationError(issues: readonly FieldIssue[]): DomainError {
  const first = issues[0];
  const message = first ? `${first.path}: ${first.message}` : "The request is invalid";
  return new DomainError(ErrorCode.validationFailed, message, issues);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
