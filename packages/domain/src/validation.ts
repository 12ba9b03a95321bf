import type { z } from "zod";
import { type FieldIssue, validationError } from "./errors";

/** Enough to correct a request by; a body of 50,000 unknown keys gets these and a count of the rest. */
export const MAX_ISSUES = 100;

/** zod's issues as `{ path, message }`, one per unknown key so that each names its field. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  const issues = error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key].join("."), message: "Unknown field" }));
    }
    return [{ path: path.join("."), message: issue.message }];
  });
  if (issues.length <= MAX_ISSUES) return issues;
  const more = issues.length - MAX_ISSUES;
  return [...issues.slice(0, MAX_ISSUES), { path: "", message: `${more} more problems not listed` }];
}

/** Parses or throws the domain's validation error. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, pathPrefix?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error);
  throw validationError(
    pathPrefix
      ? issues.map((issue) => ({ ...issue, path: issue.path ? `${pathPrefix}.${issue.path}` : pathPrefix }))
      : issues,
  );
}
