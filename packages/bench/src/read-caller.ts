import { type Actor, createSignatureStorage } from "@interventions/api";
import { createCaller } from "@interventions/api/trpc";
import * as schema from "@interventions/db/schema";
import { ProfileRole } from "@interventions/domain";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { managerProfile, userId } from "./layout";
import type { SentStatement } from "./plans";

/**
 * The dashboard's tRPC procedures as organization 1's manager calls them, for reads: every statement they
 * send is handed to `onStatement` (what drizzle's logger sees is what it passes to postgres.js).
 */
export function managerReadCaller(url: string, now: Date, onStatement: (statement: SentStatement) => void) {
  const client = postgres(url, { max: 4, onnotice: () => {} });
  const db = drizzle({
    client,
    schema,
    casing: "snake_case",
    logger: { logQuery: (query, params) => onStatement({ query, params: params as SentStatement["params"] }) },
  });
  const actor: Actor = {
    userId: userId(1, 2),
    profileId: managerProfile(1),
    organizationId: 1,
    role: ProfileRole.manager,
    companyContactId: null,
    apiClientId: null,
  };
  // Reads store no signature and enqueue nothing.
  const storage = createSignatureStorage({
    region: "eu-west-3",
    bucket: "unused",
    accessKeyId: "unused",
    secretAccessKey: "unused",
    forcePathStyle: true,
  });
  const unexpected = () => Promise.reject(new Error("a read was not expected to enqueue a job"));
  const jobs = { enqueue: unexpected, enqueueInOrder: unexpected };
  const services = { db, storage, jobs, webhookDestinations: { allowPrivate: false } };
  return { client, caller: createCaller({ services, now, actor, authError: null }) };
}
