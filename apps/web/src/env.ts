import { databaseEnvSchema, parseEnv } from "@interventions/db/config";
import { z } from "zod";

/** The app's whole configuration, parsed once; nothing else reads process.env. */
const envSchema = databaseEnvSchema
  .extend({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** HS256 key of session tokens. Unset: a random one is kept in DATA_DIR (fine for one instance). */
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
    /** S3 for signature images. Unset S3_ACCESS_KEY_ID: an embedded S3-compatible server is started. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default("eu-west-3"),
    S3_BUCKET: z.string().min(3).default("signatures"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
    EMBEDDED_S3_PORT: z.coerce.number().int().min(0).max(65535).default(4569),
  })
  .refine((env) => !env.S3_ACCESS_KEY_ID || env.S3_SECRET_ACCESS_KEY, {
    path: ["S3_SECRET_ACCESS_KEY"],
    message: "is required when S3_ACCESS_KEY_ID is set",
  });

export type Env = z.infer<typeof envSchema>;

export const env: Env = parseEnv(envSchema, process.env);
