import { type ApiHandlers, createApiHandlers } from "@interventions/api/runtime";
import { env } from "../env";
import { getDatabase } from "./database";
import { getJobs } from "./jobs";
import { oncePerProcess } from "./once-per-process";
import { sessionSecret } from "./session-secret";
import { openSignatureStorage } from "./storage";

export type { ApiHandlers };

async function openApi(): Promise<ApiHandlers> {
  const [{ db }, jobs, storage, secret] = await Promise.all([
    getDatabase(),
    getJobs(),
    openSignatureStorage(),
    sessionSecret(),
  ]);
  return createApiHandlers({ db, jobs, storage, sessionSecret: secret, sessionTtlHours: env.SESSION_TTL_HOURS });
}

/** The request handlers of this process, built once over the one database and storage. */
export function getApi(): Promise<ApiHandlers> {
  return oncePerProcess("api", openApi);
}
