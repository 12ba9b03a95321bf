export { type BackoffPolicy, DEFAULT_BACKOFF } from "./backoff";
export { createMailTransport, type MailTransportSettings } from "./create-mail-transport";
export { type MailEnv, mailEnvSchema } from "./mail-env";
export type { MailTransport, OutgoingMessage } from "./mail-transport";
export { createMailWorker, type MailWorker, type MailWorkerOptions, type RunResult } from "./mail-worker";
