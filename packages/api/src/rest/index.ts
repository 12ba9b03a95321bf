export { type AuthDeps, createAuthHandler } from "./auth-handler";
export { createRestHandler, type RestDeps } from "./handler";
