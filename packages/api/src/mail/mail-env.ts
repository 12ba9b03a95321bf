import { z } from "zod";

/** The mail settings, as the app and the worker command both read them from the environment. */
export const mailEnvSchema = z.object({
  /** `smtp://user:pass@host:587` or `smtps://…:465`; unset: messages are written as `.eml` files. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Interventions <no-reply@interventions.local>"),
  /** The dashboard's public URL, for the links in messages. */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .default("http://localhost:3000"),
  /** Where `.eml` files go without SMTP; by default `<DATA_DIR>/mail`. */
  MAIL_DIR: z.string().min(1).optional(),
});
export type MailEnv = z.infer<typeof mailEnvSchema>;
