export { authenticateRequest, profileActor } from "./auth/authenticate";
export { SessionTokens } from "./auth/session-token";
export { signIn, signInInput, signOut } from "./auth/sign-in";
export type { Actor, ServiceContext } from "./context";
export { type EmbeddedS3, startEmbeddedS3 } from "./storage/embedded-s3";
export { createSignatureStorage, type S3Settings, type SignatureStorage } from "./storage/signature-storage";
