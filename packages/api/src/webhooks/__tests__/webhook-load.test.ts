import { WebhookDeliveryStatus, webhookDeliveries } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createJobEngine, type JobEngine, type Worker } from "../../jobs/job-engine";
import { createSubscription } from "../../services/webhooks/subscriptions";
import type { ApiTestEnv } from "../../testing";
import { createApiTestEnv, freshIntervention, jsonRequest, loadSeed, PATHS, TEST_TIMINGS } from "../../testing";
import { createEventPoster } from "../post-event";
import { workWebhooks } from "../work-webhooks";
import { type Receiver, startReceiver } from "./receiver";
import { QUICK_RETRIES, signedHeaders } from "./webhook-fixture";

// 1,000 changes sent by eight clients at once while two workers post their events: each event arrives,
// none twice unless its attempt was retried, each intervention's in the order of its changes; the
// latency from a change's answer to its first arrival is printed.

const CHANGES = 1_000;
const INTERVENTIONS = 50;
const CLIENTS = 8;

let env: ApiTestEnv;
let receiver: Receiver;
let subscriptionId: number;
const engines: JobEngine[] = [];
const workers: Worker[] = [];
const poster = createEventPoster({ allowPrivate: true });

beforeAll(async () => {
  env = await createApiTestEnv({ policies: { webhooks: QUICK_RETRIES } });
  receiver = await startReceiver();
  const seed = await loadSeed(env.database.db);
  subscriptionId = (
    await createSubscription(
      env.database.db,
      { allowPrivate: true },
      { organizationId: seed.acme.id, createdByProfileId: null, url: receiver.url, now: new Date() },
    )
  ).id;
  for (let index = 0; index < 2; index++) {
    const engine = createJobEngine({
      database: env.database,
      timings: TEST_TIMINGS,
      policies: { webhooks: QUICK_RETRIES },
    });
    await engine.start();
    engines.push(engine);
    workers.push(await workWebhooks(engine, { db: env.database.db, jobs: engine, poster, log: () => {} }));
  }
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  for (const engine of engines) await engine.stop();
  poster.close();
  await receiver.close();
  await env.close();
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

it(`delivers each of ${CHANGES} changes' events with two workers, in order per intervention`, async () => {
  const { db } = env.database;
  const seed = await loadSeed(db);
  const manager = await env.credentialsFor("manager@acme.example");
  const ids: number[] = [];
  for (let index = 0; index < INTERVENTIONS; index++) {
    ids.push(
      await freshIntervention(db, seed.acme, {
        type: InterventionType.preventive,
        status: InterventionStatus.toSchedule,
      }),
    );
  }

  const answeredAt = new Map<string, number>();
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < CHANGES) {
        const change = next++;
        const description = `change ${change}`;
        const id = ids[change % INTERVENTIONS] ?? 0;
        const response = await env.rest(jsonRequest("PATCH", PATHS.preventive(id), manager, { description }));
        expect(response.status).toBe(200);
        answeredAt.set(description, Date.now());
      }
    }),
  );
  const writeSeconds = (Date.now() - started) / 1000;

  await expect
    .poll(
      async () =>
        (
          await db
            .select({ id: webhookDeliveries.id })
            .from(webhookDeliveries)
            .where(
              and(
                eq(webhookDeliveries.subscriptionId, subscriptionId),
                eq(webhookDeliveries.status, WebhookDeliveryStatus.delivered),
              ),
            )
        ).length,
      { timeout: 120_000, interval: 200 },
    )
    .toBe(CHANGES);
  const allSeconds = (Date.now() - started) / 1000;

  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId));
  const byWebhookId = new Map(deliveries.map((delivery) => [delivery.webhookId, delivery] as const));
  const firstArrival = new Map<string, { at: number; description: string; interventionId: number }>();
  let repeats = 0;
  for (const request of receiver.received) {
    const webhookId = signedHeaders(request)["webhook-id"];
    if (firstArrival.has(webhookId)) {
      repeats += 1;
      // A repeat only ever comes from a retry: its delivery counted more than one attempt.
      expect(byWebhookId.get(webhookId)?.attempts).toBeGreaterThan(1);
      continue;
    }
    const intervention = JSON.parse(request.body).data.intervention;
    firstArrival.set(webhookId, {
      at: request.receivedAt,
      description: intervention.description,
      interventionId: intervention.id,
    });
  }
  expect(firstArrival.size).toBe(CHANGES);
  expect([...byWebhookId.keys()].every((webhookId) => firstArrival.has(webhookId))).toBe(true);

  // Each intervention's events arrived in the order of their event ids, which is the order of its changes.
  for (const id of ids) {
    const arrived = [...byWebhookId.values()]
      .filter((delivery) => firstArrival.get(delivery.webhookId)?.interventionId === id)
      .sort((a, b) => (firstArrival.get(a.webhookId)?.at ?? 0) - (firstArrival.get(b.webhookId)?.at ?? 0));
    const eventIds = arrived.map((delivery) => delivery.eventId);
    expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));
  }

  const latencies = [...firstArrival.values()]
    .map((arrival) => arrival.at - (answeredAt.get(arrival.description) ?? Number.NaN))
    .sort((a, b) => a - b);
  console.info(
    `webhooks under load (${env.database.kind}): ${CHANGES} changes by ${CLIENTS} clients in ${writeSeconds.toFixed(1)} s, ` +
      `all delivered by two workers after ${allSeconds.toFixed(1)} s; ${repeats} repeated by retry; ` +
      `latency from the change's answer to the first arrival p50 ${percentile(latencies, 0.5)} ms, ` +
      `p95 ${percentile(latencies, 0.95)} ms, max ${latencies.at(-1)} ms`,
  );
}, 240_000);
