import { LRUCache } from "lru-cache";

/** How long an authenticated partner may be served without reading the database again: revocation's delay. */
export const ACTOR_CACHE_TTL_MS = 1_000;

/**
 * The partners' actors this process authenticated in the last second, by API key and session: a burst of
 * requests reads the key, the session and the profile once. A key or session revoked elsewhere is refused
 * within the TTL; a sign-out or an admin's "sign out everywhere" in this process is refused at once.
 */
export class ActorCache<Actor extends { userId: number }> {
  readonly #actors = new LRUCache<string, Actor>({ max: 10_000, ttl: ACTOR_CACHE_TTL_MS });

  get(keyHash: string, sessionId: string): Actor | undefined {
    return this.#actors.get(cacheKey(keyHash, sessionId));
  }

  set(keyHash: string, sessionId: string, actor: Actor): void {
    this.#actors.set(cacheKey(keyHash, sessionId), actor);
  }

  forgetSession(sessionId: string): void {
    for (const key of this.#actors.keys()) if (key.endsWith(`:${sessionId}`)) this.#actors.delete(key);
  }

  forgetUser(userId: number): void {
    for (const [key, actor] of this.#actors.entries()) if (actor.userId === userId) this.#actors.delete(key);
  }
}

const cacheKey = (keyHash: string, sessionId: string) => `${keyHash}:${sessionId}`;
