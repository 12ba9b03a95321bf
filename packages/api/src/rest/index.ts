export { type AuthDeps, createAuthHandler } from "./auth-handler";
export { createRestHandler, type FetchHandler, type RestDeps } from "./handler";
export { BODY_LIMIT_BYTES } from "./read-json";
