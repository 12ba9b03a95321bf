import { connect, type Socket } from "node:net";
import { createRateLimits, createSignatureStorage, SessionTokens } from "@interventions/api";
import { createRestHandler } from "@interventions/api/rest";
import { preparingStatements } from "@interventions/db";
import * as schema from "@interventions/db/schema";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/**
 * Sends one create-curative request through the real REST handler, on a connection that records every
 * statement it sends (authentication, BEGIN … COMMIT): the SQL of one request. A first request (on
 * `warmUpAnomalyId`) prepares the statements, as a server's pooled connections have long done: the second is
 * the one recorded, with its round trips.
 */
export async function captureCurativeSql(options: {
  url: string;
  sessionSecret: string;
  headers: Record<string, string>;
  anomalyId: number;
  warmUpAnomalyId: number;
}): Promise<{ queries: CapturedQuery[]; roundTrips: number; interventionId: number }> {
  const queries: CapturedQuery[] = [];
  // A round trip: what the client writes after PostgreSQL last answered (postgres.js may split one batch of
  // statements over several writes; they still travel together).
  let roundTrips = 0;
  let answered = true;
  // postgres.js takes a socket of the caller's (`socket`, absent from its types): this one counts the trips.
  const counting: { socket: (settings: { host: string[]; port: number[] }) => Socket } = {
    socket: ({ host, port }) => {
      const socket = connect({ host: host[0] ?? "127.0.0.1", port: port[0] ?? 5432 });
      socket.on("data", () => {
        answered = true;
      });
      const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
      socket.write = ((...args: unknown[]) => {
        if (answered) roundTrips++;
        answered = false;
        return write(...args);
      }) as typeof socket.write;
      return socket;
    },
  };
  const client = postgres(options.url, {
    max: 1,
    onnotice: () => {},
    debug: (_connection, text, params) => queries.push({ text, params: [...params] }),
    ...counting,
  });
  try {
    // postgres.js reads the array types once per connection, on its first query: not per request (the
    // servers' pooled connections did it long before), so it is left out of what pgbench replays.
    await client`select 1`;
    // As the servers open it: every statement prepared.
    const db = drizzle({ client: preparingStatements(client), schema, casing: "snake_case" });
    // Never reached by a curative; the handler needs one.
    const storage = createSignatureStorage({
      endpoint: "http://127.0.0.1:9",
      region: "eu-west-3",
      bucket: "unused",
      accessKeyId: "unused",
      secretAccessKey: "unused",
      forcePathStyle: true,
    });
    // An unassigned curative tells nobody: should it ever enqueue a job, the capture says so rather than replay it.
    const unexpected = () => Promise.reject(new Error("create-curative was not expected to enqueue a job"));
    const jobs = { enqueue: unexpected, enqueueInOrder: unexpected };
    const handler = createRestHandler({
      services: { db, storage, jobs, webhookDestinations: { allowPrivate: false } },
      tokens: new SessionTokens(options.sessionSecret),
      // In memory: the captured statements are the request's own, replayed by pgbench.
      rateLimits: createRateLimits({ kind: "memory" }),
    });
    const create = (anomalyId: number) =>
      handler(
        new Request("http://bench/interventions/v2/rs/curative", {
          method: "POST",
          headers: { "content-type": "application/json", ...options.headers },
          body: JSON.stringify({
            scheduledStart: "2027-03-01T08:00:00.000Z",
            scheduledEnd: "2027-03-01T12:00:00.000Z",
            anomalyIds: [anomalyId],
            creationStatus: 0,
            description: "Repair found during the yearly check",
          }),
        }),
      );
    const warmUp = await create(options.warmUpAnomalyId);
    if (warmUp.status !== 201)
      throw new Error(`warm-up create-curative answered ${warmUp.status}: ${await warmUp.text()}`);
    queries.length = 0;
    roundTrips = 0;
    const response = await create(options.anomalyId);
    const body = await response.text();
    if (response.status !== 201) throw new Error(`sample create-curative answered ${response.status}: ${body}`);
    return { queries, roundTrips, interventionId: (JSON.parse(body) as { data: { id: number } }).data.id };
  } finally {
    await client.end();
  }
}
