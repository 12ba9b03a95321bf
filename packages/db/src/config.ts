import { z } from "zod";

/** The database settings every entry point (app, CLI, tests) reads, parsed the same way. */
export const databaseEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  DATA_DIR: z.string().min(1).optional(),
  /** PostgreSQL only: connections in the process's pool (default 10). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
});
export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

/** Parses, or throws an error naming each bad variable. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = schema.safeParse(blankAsUnset);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
}
