import { SAFE_TEXT_PATTERN } from "@interventions/domain";
import { useTranslations } from "next-intl";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** What a form may say beside a field (under `formErrors.`), whichever schema refused the value. */
export const FORM_ERROR_MESSAGES = [
  "required",
  "invalid",
  "choose",
  "chooseAtLeastOne",
  "tooMany",
  "tooShort",
  "tooLong",
  "atLeast",
  "atMost",
  "atLeastDays",
  "atMostDays",
  "wholeNumber",
  "wholeDays",
  "invalidDate",
  "invalidCharacters",
  "endBeforeStart",
  "inFuture",
  "alreadyCovered",
  "notOpen",
  "wrongRuleKind",
  "ruleNotAtSite",
  "gone",
  "absoluteUrl",
  "httpsOnly",
  "noCredentials",
  "noFragment",
  "privateAddress",
  "hostNotFound",
] as const;
export type FormErrorMessage = (typeof FORM_ERROR_MESSAGES)[number];

/** Fields counted in days rather than in plain numbers. */
const DAY_FIELDS = new Set(["leadDays"]);
const DATE_FIELDS = new Set(["scheduledStart", "scheduledEnd"]);

/**
 * A domain schema's refusal as the form words it, by what was refused rather than by the schema's own
 * (English, API-facing) message: `{ key, values }` of a message under `formErrors.`.
 */
export function issueMessage(issue: z.core.$ZodIssue): { key: FormErrorMessage; values?: { limit: number } } {
  const field = String(issue.path[0] ?? "");
  const inDays = DAY_FIELDS.has(field);
  switch (issue.code) {
    case "custom":
      // The one refinement across fields a form can break: the schedule's order.
      return { key: field === "scheduledEnd" ? "endBeforeStart" : "invalid" };
    case "too_small": {
      const limit = Number(issue.minimum);
      if (issue.origin === "array" || issue.origin === "set") return { key: "chooseAtLeastOne" };
      if (issue.origin === "string") return limit <= 1 ? { key: "required" } : { key: "tooShort", values: { limit } };
      return { key: inDays ? "atLeastDays" : "atLeast", values: { limit } };
    }
    case "too_big": {
      const limit = Number(issue.maximum);
      if (issue.origin === "array" || issue.origin === "set") return { key: "tooMany", values: { limit } };
      if (issue.origin === "string") return { key: "tooLong", values: { limit } };
      return { key: inDays ? "atMostDays" : "atMost", values: { limit } };
    }
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int") return { key: inDays ? "wholeDays" : "wholeNumber" };
      return { key: DATE_FIELDS.has(field) ? "invalidDate" : "required" };
    case "not_multiple_of":
      return { key: inDays ? "wholeDays" : "wholeNumber" };
    case "invalid_format":
      if (issue.format === "regex" && issue.pattern === String(SAFE_TEXT_PATTERN)) return { key: "invalidCharacters" };
      return { key: DATE_FIELDS.has(field) ? "invalidDate" : "invalid" };
    case "invalid_value":
      return { key: "choose" };
    default:
      return { key: "invalid" };
  }
}

/**
 * `validate(schema, values)` checks a form's values with the same domain schema the server uses: the parsed
 * value to send, or the first message per field (by top-level field name, so that `siteIds.2` shows beside
 * the sites), in the page's language.
 */
export function useValidate() {
  const t = useTranslations("formErrors");
  return function validate<T extends z.ZodType>(
    schema: T,
    values: unknown,
  ): { ok: true; value: z.output<T> } | { ok: false; errors: FieldErrors } {
    const result = schema.safeParse(values);
    if (result.success) return { ok: true, value: result.data };
    const errors: FieldErrors = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "form");
      const { key, values: limits } = issueMessage(issue);
      errors[field] ??= t(key, limits ?? { limit: 0 });
    }
    return { ok: false, errors };
  };
}

/** After a refused submit, the first field in error takes the focus, so that a screen reader reads it out. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Whether two selections hold the same ids, in any order (only a changed selection is sent). */
export function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}
