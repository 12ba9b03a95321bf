import { WebhookDeliveryStatus } from "@interventions/db";
import { CreationStatus, InterventionStatus, InterventionType, WebhookEventType } from "@interventions/domain";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJobEngine, type Worker } from "../../jobs/job-engine";
import { announceInterventionChanges } from "../../services/webhooks/announce";
import { createSubscription, type WebhookView } from "../../services/webhooks/subscriptions";
import {
  type ApiTestEnv,
  createApiTestEnv,
  freshIntervention,
  jsonRequest,
  loadSeed,
  openAnomaly,
  PATHS,
  type SeedFixture,
  TEST_TIMINGS,
} from "../../testing";
import { createEventPoster } from "../post-event";
import { workWebhooks } from "../work-webhooks";
import { type Receiver, startReceiver } from "./receiver";
import { deliveryByWebhookId, eventCount, POLL, QUICK_RETRIES, signedHeaders, sleep } from "./webhook-fixture";

// A partner's endpoint on loopback, subscribed to Acme's events: what a change sends it, signed, in order,
// retried across restarts of the process that posts.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;
let receiver: Receiver;
let subscription: WebhookView & { secret: string };
let worker: Worker | null = null;
const poster = createEventPoster({ allowPrivate: true });

const startWorker = async (engine = env.jobs) =>
  workWebhooks(engine, { db: env.database.db, jobs: engine, poster, log: () => {} });

beforeAll(async () => {
  env = await createApiTestEnv({ policies: { webhooks: QUICK_RETRIES } });
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  receiver = await startReceiver();
  subscription = await createSubscription(
    env.database.db,
    { allowPrivate: true },
    { organizationId: seed.acme.id, createdByProfileId: null, url: receiver.url, now: new Date() },
  );
  worker = await startWorker();
});
afterAll(async () => {
  await worker?.stop();
  poster.close();
  await receiver.close();
  await env.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer = () => ({ status: 204 });
});

const curativeBody = (anomalyId: number) => ({
  scheduledStart: "2026-12-01T08:00:00.000Z",
  scheduledEnd: "2026-12-01T12:00:00.000Z",
  anomalyIds: [anomalyId],
  creationStatus: CreationStatus.toScheduled,
});

const bodies = () => receiver.received.map((request) => JSON.parse(request.body));

describe("a change tells the subscribed endpoint", () => {
  it("posts one delivery signed with the subscription's secret, carrying the intervention of the REST answer", async () => {
    const anomalyId = await openAnomaly(env.database.db, seed.acme, 0);
    const response = await env.rest(jsonRequest("POST", PATHS.curative, manager, curativeBody(anomalyId)));
    expect(response.status).toBe(201);
    const answer = await response.json();

    await expect.poll(() => receiver.received.length, POLL).toBe(1);
    const [request] = receiver.received;
    if (!request) throw new Error("nothing received");
    expect(request.headers["content-type"]).toBe("application/json");
    const verified = new Webhook(subscription.secret).verify(request.body, signedHeaders(request));
    expect(verified).toEqual({
      type: WebhookEventType.created,
      timestamp: answer.data.createdAt,
      data: { intervention: answer.data },
    });
    // Another secret, or a body changed on the way, does not verify.
    const forged = request.body.replace(`"id":${answer.data.id}`, `"id":${answer.data.id + 1}`);
    expect(() => new Webhook(subscription.secret).verify(forged, signedHeaders(request))).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.from("x".repeat(24)).toString("base64")}`).verify(
        request.body,
        signedHeaders(request),
      ),
    ).toThrow();

    const [delivery] = await deliveryByWebhookId(env.database.db, signedHeaders(request)["webhook-id"]);
    expect(delivery).toMatchObject({ status: WebhookDeliveryStatus.delivered, attempts: 1, lastResponseStatus: 204 });
  });

  it("sends nothing for a request refused, nor for a change that rolls back after writing its event", async () => {
    const before = await eventCount(env.database.db);
    const refused = await env.rest(jsonRequest("POST", PATHS.curative, manager, curativeBody(999_999)));
    expect(refused.status).toBe(400);

    const id = await freshIntervention(env.database.db, seed.acme, {
      type: InterventionType.preventive,
      status: InterventionStatus.toSchedule,
    });
    const ctx = { now: new Date(), jobs: env.jobs, actor: { organizationId: seed.acme.id } };
    await expect(
      env.database.db.transaction(async (tx) => {
        await announceInterventionChanges(tx, ctx, [{ interventionId: id, types: [WebhookEventType.updated] }]);
        expect(await eventCount(tx as never)).toBe(before + 1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");

    expect(await eventCount(env.database.db)).toBe(before);
    await sleep(2_000);
    expect(receiver.received).toHaveLength(0);
  });

  it("retries a failed post with the same webhook-id across restarts of the poster, until delivered", async () => {
    receiver.answer = (index) => ({ status: index < 2 ? 500 : 200 });
    const id = await freshIntervention(env.database.db, seed.acme, {
      type: InterventionType.preventive,
      status: InterventionStatus.toSchedule,
    });
    const patch = await env.rest(
      jsonRequest("PATCH", PATHS.preventive(id), manager, { description: "Second floor first" }),
    );
    expect(patch.status).toBe(200);

    // The process posting stops after the first failure; another starts, fails, stops; a third delivers.
    await expect.poll(() => receiver.received.length, POLL).toBe(1);
    await worker?.stop();
    const second = createJobEngine({
      database: env.database,
      timings: TEST_TIMINGS,
      policies: { webhooks: QUICK_RETRIES },
    });
    await second.start();
    let secondWorker = await startWorker(second);
    await expect.poll(() => receiver.received.length, POLL).toBe(2);
    await secondWorker.stop();
    await second.stop();
    worker = await startWorker();
    await expect.poll(() => receiver.received.length, POLL).toBe(3);
    secondWorker = worker;

    const ids = receiver.received.map((request) => signedHeaders(request)["webhook-id"]);
    expect(new Set(ids).size).toBe(1);
    expect(bodies().map((body) => [body.type, body.data.intervention.description])).toEqual(
      Array(3).fill([WebhookEventType.updated, "Second floor first"]),
    );
    const [delivery] = await deliveryByWebhookId(env.database.db, ids[0] ?? "");
    await expect
      .poll(async () => (await deliveryByWebhookId(env.database.db, ids[0] ?? ""))[0]?.status, POLL)
      .toBe(WebhookDeliveryStatus.delivered);
    expect((await deliveryByWebhookId(env.database.db, ids[0] ?? ""))[0]).toMatchObject({
      attempts: 3,
      lastResponseStatus: 200,
      lastError: null,
    });
    expect(delivery?.webhookId).toBe(ids[0]);
  });

  it("delivers an intervention's events in the order they happened, a failing one holding back the next", async () => {
    receiver.answer = (index) => ({ status: index === 0 ? 503 : 200, delayMs: 50 });
    const id = await freshIntervention(env.database.db, seed.acme, {
      type: InterventionType.preventive,
      status: InterventionStatus.toSchedule,
    });
    for (const description of ["one", "two", "three"]) {
      const response = await env.rest(jsonRequest("PATCH", PATHS.preventive(id), manager, { description }));
      expect(response.status).toBe(200);
    }
    await expect.poll(() => receiver.received.length, POLL).toBe(4);
    const seen: string[] = [];
    for (const body of bodies()) {
      const description = body.data.intervention.description;
      if (seen.at(-1) !== description) seen.push(description);
    }
    expect(seen).toEqual(["one", "two", "three"]);
  });

  it("tells of work recorded done on site as created, then completed", async () => {
    const technician = await env.credentialsFor("technician@acme.example");
    const siteRule = seed.acme.siteRules[0];
    if (!siteRule) throw new Error("no site rule");
    const response = await env.rest(
      jsonRequest("POST", PATHS.unplanned, technician, {
        companyId: seed.acme.contacts[0]?.companyId,
        siteIds: [siteRule.siteId],
        ruleIds: [siteRule.ruleId],
        signature: { name: "signature.png", mimeType: "image/png", size: 2048 },
        provider: { firstName: "Thomas", lastName: "Girard", email: "thomas@eleccontrol.example" },
        actualStart: "2026-11-23T08:00:00.000Z",
      }),
    );
    const text = await response.text();
    expect(response.status, text).toBe(201);
    await expect.poll(() => receiver.received.length, POLL).toBe(2);
    expect(bodies().map((body) => body.type)).toEqual([WebhookEventType.created, WebhookEventType.completed]);
  });
});
