export { createJobEngine, type JobEngine } from "../jobs/job-engine";
export { resolveDataDir } from "./data-dir";
export { type ServerEnv, serverEnvSchema } from "./env";
export { type ApiHandlers, type ApiHandlersDeps, createApiHandlers, TRPC_ENDPOINT } from "./handlers";
export { checkDatabaseHealth, type Health, healthResponse } from "./health";
export { openRuntime, type Runtime } from "./open-runtime";
export { startWorker, type WorkerEnv, type WorkerProcess, workerEnvSchema } from "./worker";
