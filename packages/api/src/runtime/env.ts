import { databaseEnvSchema } from "@interventions/db/config";
import { z } from "zod";
import { mailEnvSchema } from "../mail/mail-env";
import { webhookEnvSchema } from "../webhooks/webhook-env";

/** The configuration of a server process (the Next.js app or the lean server), parsed once by its entry. */
export const serverEnvSchema = databaseEnvSchema
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
    ...mailEnvSchema.shape,
    ...webhookEnvSchema.shape,
    /** `off` when separate `pnpm worker` processes post the webhooks instead of this server. */
    WEBHOOK_WORKER: z.enum(["on", "off"]).default("on"),
    /** `1` behind a reverse proxy that sets X-Forwarded-Host/-Proto; off, those headers are ignored. */
    TRUST_PROXY: z.stringbool().default(false),
    /** `off` when separate `pnpm worker` processes deliver the outbox instead of this server. */
    MAIL_WORKER: z.enum(["on", "off"]).default("on"),
    /** `off` when separate `pnpm worker` processes run the routine generator instead of this server. */
    ROUTINE_GENERATOR: z.enum(["on", "off"]).default("on"),
    /** Where every server process keeps the rate-limit budgets; unset, the database (or memory, embedded). */
    REDIS_URL: z.url().optional(),
    /** Requests per API key per minute, shared by every server process on PostgreSQL. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  })
  .refine((env) => !env.S3_ACCESS_KEY_ID || env.S3_SECRET_ACCESS_KEY, {
    path: ["S3_SECRET_ACCESS_KEY"],
    message: "is required when S3_ACCESS_KEY_ID is set",
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;
