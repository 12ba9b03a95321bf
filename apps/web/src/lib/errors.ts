// A refusal from the server, in words a safety manager understands.

interface TrpcLikeError {
  message?: string;
  data?: { errorCode?: string; httpStatus?: number; issues?: { path: string; message: string }[] } | null;
}

const MESSAGES: Record<string, string> = {
  FORBIDDEN: "Your role does not allow this.",
  NOT_FOUND: "Not found: it does not exist or belongs to another organization.",
  INVALID_STATE:
    "The intervention's current status does not allow this any more; someone may have changed it. Reload to see where it stands.",
  CONFLICT: "Someone changed this intervention at the same time. Reload it and try again.",
  UNAUTHENTICATED: "Your session has ended. Sign in again.",
  VALIDATION_FAILED: "Some fields need attention.",
  PAYLOAD_TOO_LARGE: "That is too much text to send at once.",
};

export function errorCodeOf(error: unknown): string | undefined {
  return (error as TrpcLikeError | null)?.data?.errorCode;
}

/** Field errors a server validation returned, keyed by field path (`siteIds.0` also counts for `siteIds`). */
export function fieldIssuesOf(error: unknown): Record<string, string> {
  const issues = (error as TrpcLikeError | null)?.data?.issues ?? [];
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.split(".")[0] ?? issue.path;
    byField[field] ??= issue.message;
  }
  return byField;
}

export function describeError(error: unknown): string {
  const code = errorCodeOf(error);
  if (code && MESSAGES[code]) return MESSAGES[code];
  if (error instanceof TypeError) return "The server could not be reached. Check your connection and try again.";
  return "Something went wrong on our side. Try again in a moment.";
}
