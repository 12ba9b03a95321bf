export { createMailTransport, type MailTransportSettings } from "./create-mail-transport";
export { type MailEnv, mailEnvSchema } from "./mail-env";
export type { MailTransport, OutgoingMessage } from "./mail-transport";
export { type MailWorkOptions, workMail } from "./work-mail";
