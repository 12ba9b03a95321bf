import { z } from "zod";
import type { DestinationPolicy } from "./destination";

/** The webhooks' configuration, shared by the servers, the worker and the commands. */
export const webhookEnvSchema = z.object({
  /**
   * `1`: webhooks may post to private, loopback and link-local addresses (tests, a partner on the same
   * network). Unset: allowed on the embedded default only (no DATABASE_URL), refused on a real deployment.
   */
  WEBHOOK_ALLOW_PRIVATE: z.stringbool().optional(),
});
export type WebhookEnv = z.infer<typeof webhookEnvSchema>;

export function destinationPolicyOf(env: WebhookEnv & { DATABASE_URL?: string | undefined }): DestinationPolicy {
  return { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE ?? env.DATABASE_URL === undefined };
}
