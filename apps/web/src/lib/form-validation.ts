import { issuesFromZod } from "@interventions/domain";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/**
 * Checks a form's values with the same domain schema the server uses: the parsed value to send, or the
 * first message per field (by top-level field name, so that `siteIds.2` shows beside the sites).
 */
export function validateWith<T extends z.ZodType>(
  schema: T,
  values: unknown,
): { ok: true; value: z.output<T> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of issuesFromZod(result.error)) {
    const field = issue.path.split(".")[0] || "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** After a refused submit, the first field in error takes the focus, so that a screen reader reads it out. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Whether two selections hold the same ids, in any order (only a changed selection is sent). */
export function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}
