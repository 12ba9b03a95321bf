export { createApiClient, listApiClients, revokeApiClient } from "./auth/api-keys";
export { authenticateRequest, profileActor } from "./auth/authenticate";
export {
  actorFromBrowserSession,
  membershipsOf,
  ORGANIZATION_COOKIE,
  readBrowserSession,
  readCookie,
  SESSION_COOKIE,
} from "./auth/browser-session";
export { revokeAllSessions } from "./auth/revoke-sessions";
export { SessionTokens } from "./auth/session-token";
export { signIn, signInInput, signOut } from "./auth/sign-in";
export type { Actor, ServiceContext, ServiceDeps, WriteDeps } from "./context";
export { clientAddress } from "./http";
export { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimitSettings, type RateLimits } from "./limits/rate-limits";
export {
  createMailTransport,
  type MailEnv,
  type MailTransport,
  type MailTransportSettings,
  type MailWorkOptions,
  mailEnvSchema,
  workMail,
} from "./mail";
export {
  planDueChecks,
  type RoutinesRun,
  runRoutines,
  UnknownOrganizationError,
} from "./services/compliance/plan-due-checks";
export { recentDeliveries } from "./services/webhooks/deliveries";
export {
  createSubscription,
  listSubscriptions,
  setSubscriptionActive,
  type WebhookView,
} from "./services/webhooks/subscriptions";
export { type EmbeddedS3, startEmbeddedS3 } from "./storage/embedded-s3";
export { createSignatureStorage, type S3Settings, type SignatureStorage } from "./storage/signature-storage";
export { checkDestination, type DestinationPolicy } from "./webhooks/destination";
export { createEventPoster, type EventPoster } from "./webhooks/post-event";
export { destinationPolicyOf, type WebhookEnv, webhookEnvSchema } from "./webhooks/webhook-env";
export { type WebhookWorkOptions, workWebhooks } from "./webhooks/work-webhooks";
