import { useTranslations } from "next-intl";

// A refusal from the server, in words a safety manager understands, in the page's language.

interface TrpcLikeError {
  message?: string;
  data?: { errorCode?: string; httpStatus?: number; issues?: { path: string; message: string }[] } | null;
}

/** The message (under `errors.`) for each code the API answers with; anything else is "unknown". */
export const ERROR_MESSAGE_KEYS = {
  FORBIDDEN: "forbidden",
  NOT_FOUND: "notFound",
  INVALID_STATE: "invalidState",
  CONFLICT: "conflict",
  UNAUTHENTICATED: "unauthenticated",
  VALIDATION_FAILED: "validationFailed",
  PAYLOAD_TOO_LARGE: "payloadTooLarge",
} as const;

/** Every message under `errors.`: one per code, the unreachable server, and the rest. */
export const ERROR_MESSAGES = [...Object.values(ERROR_MESSAGE_KEYS), "unreachable", "unknown"] as const;
export type ErrorMessage = (typeof ERROR_MESSAGES)[number];

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

export function errorMessageOf(error: unknown): ErrorMessage {
  const code = errorCodeOf(error);
  if (code && code in ERROR_MESSAGE_KEYS) return ERROR_MESSAGE_KEYS[code as keyof typeof ERROR_MESSAGE_KEYS];
  if (error instanceof TypeError) return "unreachable";
  return "unknown";
}

/** `describe(error)` → the refusal in words. */
export function useDescribeError() {
  const t = useTranslations("errors");
  return (error: unknown) => t(errorMessageOf(error));
}
