import { createHash } from "node:crypto";
import { type Database, idempotencyKeys, selectRows, type Transaction } from "@interventions/db";
import { validationError } from "@interventions/domain";
import { and, eq, lt, sql } from "drizzle-orm";
import { stringify } from "safe-stable-stringify";
import { HttpErrorCode, HttpProblem } from "../http";

/** How long a key replays its first answer; after that it may be used again. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

const HEADER = "Idempotency-Key";
/** 1 to 255 printable ASCII characters. */
const KEY_PATTERN = /^[\x20-\x7E]{1,255}$/;

/** The request's `Idempotency-Key`, if it sent one; a malformed one is a 400 naming the header. */
export function readIdempotencyKey(request: Request): string | undefined {
  const key = request.headers.get(HEADER);
  if (key === null) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw validationError([{ path: HEADER, message: "Expected 1 to 255 printable ASCII characters" }]);
  }
  return key;
}

/** What the first request with a key answered. */
export interface StoredAnswer {
  status: number;
  body: unknown;
  version?: number | undefined;
}

export interface IdempotentRequest {
  apiClientId: number;
  key: string;
  operationId: string;
  /** What makes two requests the same: the path's parameters and the body, key order aside. */
  request: unknown;
  now: Date;
}

/**
 * Runs `write` once per key: in one transaction, the key is claimed, the write made and its answer stored;
 * a retry gets the stored answer (`replayed`) and writes nothing. While the first request runs, the key's
 * lock is held: a retry then is told so (409) rather than waiting. A first request that fails rolls the
 * key back with its write, so a corrected retry goes through.
 */
export async function idempotent(
  db: Database,
  request: IdempotentRequest,
  write: (tx: Transaction) => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  const requestHash = createHash("sha256")
    .update(stringify(request.request) ?? "")
    .digest("base64url");
  return db.transaction(async (tx) => {
    const [claim] = await selectRows<{ claimed: boolean }>(
      tx,
      // A 64-bit hash of the client and key: a collision costs one needless 409, nothing else.
      sql`select pg_try_advisory_xact_lock(hashtextextended(${`idempotency:${request.apiClientId}:${request.key}`}, 0)) as claimed`,
    );
    if (!claim?.claimed) {
      throw new HttpProblem(
        409,
        HttpErrorCode.idempotencyInProgress,
        `A request with this ${HEADER} is still being processed; retry once it has answered`,
      );
    }
    const byKey = and(eq(idempotencyKeys.apiClientId, request.apiClientId), eq(idempotencyKeys.key, request.key));
    const [stored] = await tx.select().from(idempotencyKeys).where(byKey);
    if (stored && stored.expiresAt > request.now) {
      if (stored.operationId !== request.operationId || stored.requestHash !== requestHash) {
        throw new HttpProblem(
          422,
          HttpErrorCode.idempotencyKeyReused,
          `This ${HEADER} was used for another request in the last 24 hours; use a new key for a new request`,
        );
      }
      return { status: stored.status, body: stored.body, version: stored.version ?? undefined, replayed: true };
    }
    if (stored) await tx.delete(idempotencyKeys).where(byKey);

    const answer = await write(tx);
    await tx.insert(idempotencyKeys).values({
      apiClientId: request.apiClientId,
      key: request.key,
      operationId: request.operationId,
      requestHash,
      status: answer.status,
      body: answer.body,
      version: answer.version ?? null,
      createdAt: request.now,
      expiresAt: new Date(request.now.getTime() + IDEMPOTENCY_WINDOW_MS),
    });
    return { ...answer, replayed: false };
  });
}

/** Deletes the keys past their 24 hours; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Database, now: Date): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
