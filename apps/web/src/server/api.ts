import { SessionTokens } from "@interventions/api";
import { createAuthHandler, createRestHandler, type FetchHandler } from "@interventions/api/rest";
import { createTrpcHandler } from "@interventions/api/trpc";
import { env } from "../env";
import { getDatabase } from "./database";
import { sessionSecret } from "./session-secret";
import { openSignatureStorage } from "./storage";

export interface ApiHandlers {
  rest: FetchHandler;
  trpc: FetchHandler;
  auth: FetchHandler;
}

const holder = globalThis as typeof globalThis & { __interventionsApi?: Promise<ApiHandlers> };

function logUnexpected(error: unknown): void {
  console.error("Unexpected error while serving a request", error);
}

async function openApi(): Promise<ApiHandlers> {
  const [{ db }, storage, secret] = await Promise.all([getDatabase(), openSignatureStorage(), sessionSecret()]);
  const tokens = new SessionTokens(secret);
  return {
    rest: createRestHandler({ db, tokens, storage, onError: logUnexpected }),
    trpc: createTrpcHandler({ db, tokens, storage, endpoint: "/api/trpc", onError: logUnexpected }),
    auth: createAuthHandler({ db, tokens, sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000, onError: logUnexpected }),
  };
}

/** The request handlers of this process, built once over the one database and storage. */
export function getApi(): Promise<ApiHandlers> {
  if (!holder.__interventionsApi) {
    const opening = openApi();
    opening.catch(() => {
      if (holder.__interventionsApi === opening) holder.__interventionsApi = undefined;
    });
    holder.__interventionsApi = opening;
  }
  return holder.__interventionsApi;
}
