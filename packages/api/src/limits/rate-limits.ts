import { type Database, type DatabaseDriver, rateLimits as rateLimitRows } from "@interventions/db";
import { lt } from "drizzle-orm";
import { Redis } from "ioredis";
import postgres from "postgres";
import {
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";

/** What bounds how fast one API key or one sign-in form can be used. */
export interface RateLimitSettings {
  /** Requests per API key per minute (RATE_LIMIT_PER_MINUTE). */
  perApiKeyPerMinute: number;
  /** Failed sign-ins per e-mail, and per client address, in a window of `signInWindowSeconds`. */
  signInFailuresPerEmail: number;
  signInFailuresPerAddress: number;
  signInWindowSeconds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  perApiKeyPerMinute: 600,
  signInFailuresPerEmail: 5,
  signInFailuresPerAddress: 20,
  signInWindowSeconds: 15 * 60,
};

/** Where one API key stands in its minute, as the IETF RateLimit header fields say it. */
export interface Budget {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the budget is whole again. */
  resetSeconds: number;
}

export interface RateLimits {
  readonly settings: RateLimitSettings;
  /** Spends one request of the API key's minute. */
  spendApiKey(apiClientId: number): Promise<Budget>;
  /** Seconds to wait when this e-mail or this address failed too often in the window, else null. Spends nothing. */
  signInBlocked(email: string, address: string): Promise<number | null>;
  /** Counts a failed sign-in against the e-mail and the address. */
  signInFailed(email: string, address: string): Promise<void>;
  /** A successful sign-in clears its e-mail's failures. */
  signInSucceeded(email: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * rate-limiter-flexible's store is node-postgres shaped (`query({ text, values })` → `{ rows, rowCount }`):
 * this is that, over a small postgres.js pool of its own. Its commits do not wait for the WAL to reach the
 * disk: a budget is a counter, and the few increments a crash could lose are harmless, while a flush per
 * request would double the commits every partner request waits for.
 */
function postgresStore(url: string) {
  const client = postgres(url, { max: 2, onnotice: () => {}, connection: { synchronous_commit: "off" } });
  return {
    storeClient: {
      async query(query: { text: string; values?: unknown[] }) {
        // Prepared: a statement the connection knows is bound and run in one round trip, not two.
        const rows = await client.unsafe(query.text, (query.values ?? []) as postgres.ParameterOrJSON<never>[], {
          prepare: true,
        });
        return { rows, rowCount: rows.count };
      },
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Where the budgets are kept: Redis (REDIS_URL), else the database (PostgreSQL's table), else memory. */
export type RateLimitStore = DatabaseDriver | { kind: "memory" } | { kind: "redis"; url: string };

type LimiterOptions = IRateLimiterOptions & { keyPrefix: string };

function limitersIn(store: RateLimitStore): {
  limiter(options: LimiterOptions): RateLimiterAbstract;
  close(): Promise<void>;
} {
  if (store.kind === "redis") {
    // One attempt per command: a Redis that is away fails the request (503) rather than holding it.
    const redis = new Redis(store.url, { maxRetriesPerRequest: 1 });
    return {
      limiter: (options) => new RateLimiterRedis({ ...options, storeClient: redis }),
      close: async () => {
        await redis.quit();
      },
    };
  }
  if (store.kind === "postgres") {
    const postgresClient = postgresStore(store.url);
    return {
      limiter: (options) =>
        new RateLimiterPostgres({
          ...options,
          storeClient: postgresClient.storeClient,
          storeType: "pool",
          tableName: "rate_limits",
          // The table is the migrations'; expired rows go with housekeeping.
          tableCreated: true,
          clearExpiredByTimeout: false,
        }),
      close: postgresClient.close,
    };
  }
  // The embedded default is one process: memory is shared by all its requests.
  return { limiter: (options) => new RateLimiterMemory(options), close: async () => {} };
}

/**
 * The limits, kept where every server process spends from the same budgets: Redis when configured, else the
 * PostgreSQL database's `rate_limits` table; on the embedded default (one process) in memory.
 */
export function createRateLimits(store: RateLimitStore, settings: RateLimitSettings = DEFAULT_RATE_LIMITS): RateLimits {
  const { limiter, close } = limitersIn(store);

  const apiKeys = limiter({ keyPrefix: "api-key", points: settings.perApiKeyPerMinute, duration: 60 });
  const signInWindow = { duration: settings.signInWindowSeconds };
  const byEmail = limiter({ keyPrefix: "sign-in-email", points: settings.signInFailuresPerEmail, ...signInWindow });
  const byAddress = limiter({
    keyPrefix: "sign-in-address",
    points: settings.signInFailuresPerAddress,
    ...signInWindow,
  });
  const emailKey = (email: string) => email.toLowerCase();

  const waitOf = (state: RateLimiterRes | null, points: number) =>
    state && state.consumedPoints >= points ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : null;

  return {
    settings,
    async spendApiKey(apiClientId) {
      const limit = settings.perApiKeyPerMinute;
      const state = await apiKeys.consume(String(apiClientId)).catch((refused: unknown) => {
        // The library rejects with its result when the budget is spent, and with an Error when the store fails.
        if (refused instanceof RateLimiterRes) return refused;
        throw refused;
      });
      return {
        allowed: state.consumedPoints <= limit,
        limit,
        remaining: state.remainingPoints,
        resetSeconds: Math.max(0, Math.ceil(state.msBeforeNext / 1000)),
      };
    },
    async signInBlocked(email, address) {
      const [emailState, addressState] = await Promise.all([byEmail.get(emailKey(email)), byAddress.get(address)]);
      const waits = [
        waitOf(emailState, settings.signInFailuresPerEmail),
        waitOf(addressState, settings.signInFailuresPerAddress),
      ].filter((wait) => wait !== null);
      return waits.length === 0 ? null : Math.max(...waits);
    },
    async signInFailed(email, address) {
      const spend = (target: RateLimiterAbstract, key: string) =>
        target.consume(key).catch((refused: unknown) => {
          if (!(refused instanceof RateLimiterRes)) throw refused;
        });
      await Promise.all([spend(byEmail, emailKey(email)), spend(byAddress, address)]);
    },
    async signInSucceeded(email) {
      await byEmail.delete(emailKey(email));
    },
    close,
  };
}

/** Deletes the budgets whose window has ended (on PostgreSQL; the embedded default keeps them in memory). */
export async function purgeExpiredRateLimits(db: Database, now: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimitRows)
    .where(lt(rateLimitRows.expire, now.getTime()))
    .returning({ key: rateLimitRows.key });
  return deleted.length;
}
