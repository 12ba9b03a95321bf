import { databaseEnvSchema, parseEnv } from "@interventions/db/config";
import { z } from "zod";

/** The app's whole configuration, parsed once; nothing else reads process.env. */
const envSchema = databaseEnvSchema.extend({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

export const env: Env = parseEnv(envSchema, process.env);
