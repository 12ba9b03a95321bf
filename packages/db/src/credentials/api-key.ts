import { createHash, randomBytes } from "node:crypto";

const KEY_PREFIX = "ivk_";

/** A new API key: shown once to its owner, stored only as its hash. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What may be shown of a key after creation, to tell keys apart. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}
