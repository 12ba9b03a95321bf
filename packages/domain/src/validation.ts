import type { z } from "zod";
import { type FieldIssue, validationError } from "./errors";

/** zod's issues as `{ path, message }`, one per unknown key so that each names its field. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key].join("."), message: "Unknown field" }));
    }
    return [{ path: path.join("."), message: issue.message }];
  });
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
