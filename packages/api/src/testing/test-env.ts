import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseHandle, seedDemo } from "@interventions/db";
import { createTestDatabase } from "@interventions/db/testing";
import { ActorCache } from "../auth/actor-cache";
import { SessionTokens } from "../auth/session-token";
import type { ServiceDeps } from "../context";
import type { FetchHandler } from "../http";
import { createJobEngine, type EngineTimings, type JobEngine, type JobEngineOptions } from "../jobs/job-engine";
import { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimitSettings } from "../limits/rate-limits";
import { createResponseValidator } from "../openapi/response-validator";
import { createApiHandlers } from "../runtime/handlers";
import { type EmbeddedS3, startEmbeddedS3 } from "../storage/embedded-s3";
import { createSignatureStorage, type SignatureStorage } from "../storage/signature-storage";
import { partnerHeaders, SESSION_TTL_MS } from "./credentials";

// The seeded environment of one test file: its own database holding the demo, an S3 server that checks
// signatures, and the real handlers over them, on a clock the test controls.

export const TEST_NOW = new Date("2026-11-23T10:00:00.000Z");
export const BASE_URL = "http://interventions.test";
/** The engine's intervals in tests: a second, so that retries and take-overs are seen at once. */
export const TEST_TIMINGS: EngineTimings = { superviseSeconds: 1, pollingSeconds: 0.5, notifyPollingSeconds: 0.5 };

export interface ApiTestEnv {
  database: DatabaseHandle;
  s3: EmbeddedS3;
  storage: SignatureStorage;
  /** The job engine the handlers enqueue on, started; nothing works its queues unless a test does. */
  jobs: JobEngine;
  /** What the handlers give every verb: build a ServiceContext from it to call a verb directly. */
  services: ServiceDeps;
  tokens: SessionTokens;
  /** The key the tokens are signed with, for tests that forge one the way an attacker holding it could. */
  sessionSecret: string;
  rest: FetchHandler;
  auth: FetchHandler;
  trpc: FetchHandler;
  /** Changes the clock the handlers read, for expiry cases. */
  setNow(now: Date): void;
  /** The two headers a partner sends, for a demo user of the demo organization they belong to. */
  credentialsFor(email: string, organizationSlug?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** A seeded database, its job engine, a signature-checking S3 server and the real handlers over them, for one test file. */
export async function createApiTestEnv(
  options: { rateLimits?: Partial<RateLimitSettings>; policies?: JobEngineOptions["policies"] } = {},
): Promise<ApiTestEnv> {
  const database = await createTestDatabase();
  await seedDemo(database.db, { now: TEST_NOW });
  const directory = await mkdtemp(join(tmpdir(), "interventions-s3-"));
  const s3 = await startEmbeddedS3({ directory, bucket: "signatures" });
  const storage = createSignatureStorage(s3.settings);
  const sessionSecret = randomBytes(32).toString("hex");
  const tokens = new SessionTokens(sessionSecret);
  let now = TEST_NOW;
  const clock = () => now;
  const jobs = createJobEngine({ database, timings: TEST_TIMINGS, policies: options.policies });
  await jobs.start();
  const services: ServiceDeps = {
    db: database.db,
    storage,
    jobs,
    webhookDestinations: { allowPrivate: true },
    actors: new ActorCache(),
  };
  // Far above what a test file sends in a minute (the fuzzer sends thousands), unless the test is about it.
  const rateLimits = createRateLimits(database.driver, {
    ...DEFAULT_RATE_LIMITS,
    perApiKeyPerMinute: 1_000_000,
    ...options.rateLimits,
  });
  const handlers = createApiHandlers({
    services,
    tokens,
    rateLimits,
    clock,
    sessionTtlMs: SESSION_TTL_MS,
    onError: (error) => console.error(error),
  });
  return {
    database,
    s3,
    storage,
    jobs,
    services,
    tokens,
    sessionSecret,
    // Every answer the REST tests receive is checked against the OpenAPI document (the contract test).
    rest: conformingTo(handlers.rest),
    auth: handlers.auth,
    trpc: handlers.trpc,
    setNow: (value) => {
      now = value;
    },
    credentialsFor: (email, organizationSlug) =>
      partnerHeaders({ db: database.db, tokens, now }, email, organizationSlug),
    async close() {
      await jobs.stop({ graceful: false });
      await rateLimits.close();
      await s3.close();
      await rm(directory, { recursive: true, force: true });
      await database.close();
    },
  };
}

const validateResponse = createResponseValidator();

/** The handler, failing the test when an answer does not match the OpenAPI document. */
function conformingTo(handler: FetchHandler): FetchHandler {
  return async (request) => {
    // Not request.clone(): a tee of an endless body would buffer it all.
    const sent = { method: request.method, url: request.url };
    const response = await handler(request);
    const problems = await validateResponse(sent, response);
    if (problems.length > 0) throw new Error(`Response does not match /openapi.json:\n${problems.join("\n")}`);
    return response;
  };
}
