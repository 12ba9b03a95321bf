export { createTrpcHandler, type TrpcDeps } from "./handler";
export type { TrpcContext } from "./init";
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from "./root";
