import type { Database } from "@interventions/db";
import { SessionTokens } from "../auth/session-token";
import type { JobQueue } from "../jobs/job-queue";
import { createAuthHandler } from "../rest/auth-handler";
import { createRestHandler, type FetchHandler } from "../rest/handler";
import type { SignatureStorage } from "../storage/signature-storage";
import { createTrpcHandler } from "../trpc/handler";

export interface ApiHandlers {
  rest: FetchHandler;
  trpc: FetchHandler;
  auth: FetchHandler;
}

export interface ApiHandlersDeps {
  db: Database;
  storage: SignatureStorage;
  jobs: JobQueue;
  sessionSecret: string;
  sessionTtlHours: number;
}

export const TRPC_ENDPOINT = "/api/trpc";

function logUnexpected(error: unknown): void {
  console.error("Unexpected error while serving a request", error);
}

/** The process's three fetch handlers over one database, storage and job queue: what every server entry mounts. */
export function createApiHandlers(deps: ApiHandlersDeps): ApiHandlers {
  const { db, storage, jobs } = deps;
  const tokens = new SessionTokens(deps.sessionSecret);
  return {
    rest: createRestHandler({ db, tokens, storage, jobs, onError: logUnexpected }),
    trpc: createTrpcHandler({ db, tokens, storage, jobs, endpoint: TRPC_ENDPOINT, onError: logUnexpected }),
    auth: createAuthHandler({ db, tokens, sessionTtlMs: deps.sessionTtlHours * 3_600_000, onError: logUnexpected }),
  };
}
