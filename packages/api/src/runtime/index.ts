export { resolveDataDir } from "./data-dir";
export { type ServerEnv, serverEnvSchema } from "./env";
export { type ApiHandlers, type ApiHandlersDeps, createApiHandlers, TRPC_ENDPOINT } from "./handlers";
export { checkDatabaseHealth, type Health, healthResponse } from "./health";
export { type MailDelivery, startMailDelivery } from "./mail-delivery";
export { openRuntime, type Runtime } from "./open-runtime";
export { resolveSessionSecret } from "./session-secret";
export { openConfiguredStorage } from "./storage";
