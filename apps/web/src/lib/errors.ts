import { useTranslations } from "next-intl";
import type { FieldErrors, FormErrorMessage } from "./form-validation";

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

/**
 * What the server's (English, machine-facing) message of a refused field means, as a form message: matched on
 * the domain's known messages; anything else is the generic "check this value", never the server's words.
 */
const SERVER_MESSAGES: readonly [RegExp, FormErrorMessage][] = [
  [/must not be before/, "endBeforeStart"],
  [/must not be in the future/, "inFuture"],
  [/already covered by/, "alreadyCovered"],
  [/is not open/, "notOpen"],
  [/^Rule \d+ is not /, "wrongRuleKind"],
  [/applies to none|does not apply|None of the given rules/, "ruleNotAtSite"],
  [/^Unknown (?!field)/, "gone"],
  // A webhook's address (the API's `webhooks/destination.ts`).
  [/^Expected an absolute URL/, "absoluteUrl"],
  [/^Use an https:\/\/ URL/, "httpsOnly"],
  [/user name and password out of the URL/, "noCredentials"],
  [/#fragment out of the URL/, "noFragment"],
  [/private or reserved address/, "privateAddress"],
  [/^The host .* could not be found/, "hostNotFound"],
];

export function serverIssueKey(message: string): FormErrorMessage {
  return SERVER_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? "invalid";
}

/**
 * Field errors a server validation returned, keyed by field (`siteIds.0` counts for `siteIds`), as the key of a
 * form message: the server's code and path say where, the domain's known messages say what.
 */
export function fieldIssueKeysOf(error: unknown): Record<string, FormErrorMessage> {
  const issues = (error as TrpcLikeError | null)?.data?.issues ?? [];
  const byField: Record<string, FormErrorMessage> = {};
  for (const issue of issues) {
    const field = issue.path.split(".")[0] || "form";
    byField[field] ??= serverIssueKey(issue.message);
  }
  return byField;
}

/** `fieldIssues(error)` → the server's refusals beside their fields, in the page's language. */
export function useFieldIssues() {
  const t = useTranslations("formErrors");
  return (error: unknown): FieldErrors =>
    Object.fromEntries(Object.entries(fieldIssueKeysOf(error)).map(([field, key]) => [field, t(key, { limit: 0 })]));
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
