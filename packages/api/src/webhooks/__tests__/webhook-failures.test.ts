import {
  emailOutbox,
  notifications,
  WebhookDeliveryStatus,
  webhookEvents,
  webhookSubscriptions,
} from "@interventions/db";
import {
  InterventionStatus,
  InterventionType,
  interventionEventBody,
  obligationEventBody,
  RuleKind,
  WebhookEventType,
} from "@interventions/domain";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebhookMessageKind } from "../../mail/webhook-message";
import { coveringIntervention } from "../../services/compliance/__tests__/obligation-fixture";
import { freshRoutine, freshRoutineOrganization } from "../../services/compliance/__tests__/routine-fixture";
import { runRoutines } from "../../services/compliance/plan-due-checks";
import { announceInterventionChanges } from "../../services/webhooks/announce";
import { createSubscription, setSubscriptionActive, type WebhookView } from "../../services/webhooks/subscriptions";
import { type ApiTestEnv, createApiTestEnv, freshIntervention, loadSeed, type SeedFixture } from "../../testing";
import { DeliveryFailed, deliverNextEvent, RETRY_FOR_MS } from "../deliver-event";
import { createEventPoster } from "../post-event";
import { purgeSettledWebhookEvents, WEBHOOK_EVENTS_KEPT_DAYS } from "../purge-events";
import { interventionStream, siteRuleStream } from "../webhook-job";
import { type Receiver, startReceiver } from "./receiver";
import { deliveryByWebhookId, signedHeaders } from "./webhook-fixture";

// The delivery's own decisions, one attempt at a time on a clock the test moves (no engine works the queue
// here): giving up after a day, turning a subscription off after three days of failures, redirects.

const HOUR = 3_600_000;
let env: ApiTestEnv;
let seed: SeedFixture;
let receiver: Receiver;
let subscription: WebhookView;
const poster = createEventPoster({ allowPrivate: true });

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  receiver = await startReceiver();
});
afterAll(async () => {
  poster.close();
  await receiver.close();
  await env.close();
});
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.answer = () => ({ status: 500 });
  // A subscription of its own for each test: its failures and its streams start afresh.
  subscription = await createSubscription(
    env.database.db,
    { allowPrivate: true },
    { organizationId: seed.acme.id, createdByProfileId: null, url: receiver.url, now: new Date() },
  );
  await env.database.db
    .update(webhookSubscriptions)
    .set({ active: false })
    .where(and(eq(webhookSubscriptions.organizationId, seed.acme.id)));
  await setSubscriptionActive(env.database.db, {
    organizationId: seed.acme.id,
    webhookId: subscription.id,
    active: true,
    now: new Date(),
  });
});

/** Two changes of a new intervention, announced as its verbs do: their stream for this subscription. */
async function twoEvents(): Promise<string> {
  const id = await freshIntervention(env.database.db, seed.acme, {
    type: InterventionType.preventive,
    status: InterventionStatus.toSchedule,
  });
  const ctx = { now: new Date(), jobs: env.jobs, actor: { organizationId: seed.acme.id } };
  await env.database.db.transaction((tx) =>
    announceInterventionChanges(tx, ctx, [
      { interventionId: id, types: [WebhookEventType.created] },
      { interventionId: id, types: [WebhookEventType.updated] },
    ]),
  );
  return interventionStream(id);
}

/** The webhook-id of the n-th post the receiver got. */
function webhookIdOf(index: number): string {
  const request = receiver.received[index];
  if (!request) throw new Error(`no post number ${index + 1}`);
  return signedHeaders(request)["webhook-id"];
}

const attemptAt = (at: Date, stream: string, retryForMs?: number) =>
  deliverNextEvent(
    { db: env.database.db, jobs: env.jobs, poster, clock: () => at, ...(retryForMs ? { retryForMs } : {}) },
    { subscriptionId: subscription.id, stream },
  );

describe("a delivery that keeps failing", () => {
  it("is retried for a day from its first attempt, then failed, and the stream's next event goes on", async () => {
    const stream = await twoEvents();
    const start = new Date();
    await expect(attemptAt(start, stream)).rejects.toBeInstanceOf(DeliveryFailed);
    await expect(attemptAt(new Date(start.getTime() + 23 * HOUR), stream)).rejects.toBeInstanceOf(DeliveryFailed);
    // Past the day: failed for good, and the job ends without an error, so the stream is not held back.
    await attemptAt(new Date(start.getTime() + RETRY_FOR_MS), stream);
    const firstId = webhookIdOf(0);
    expect((await deliveryByWebhookId(env.database.db, firstId))[0]).toMatchObject({
      status: WebhookDeliveryStatus.failed,
      attempts: 3,
      lastResponseStatus: 500,
    });

    receiver.answer = () => ({ status: 200 });
    await attemptAt(new Date(start.getTime() + RETRY_FOR_MS + HOUR), stream);
    expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual([
      WebhookEventType.created,
      WebhookEventType.created,
      WebhookEventType.created,
      WebhookEventType.updated,
    ]);
    const nextId = webhookIdOf(3);
    expect(nextId).not.toBe(firstId);
    expect((await deliveryByWebhookId(env.database.db, nextId))[0]?.status).toBe(WebhookDeliveryStatus.delivered);
  });

  it("turns its subscription off after three days of failures, and tells the admins once, in their language", async () => {
    const stream = await twoEvents();
    const start = new Date();
    await expect(attemptAt(start, stream)).rejects.toBeInstanceOf(DeliveryFailed);
    const [failing] = await env.database.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, subscription.id));
    expect(failing).toMatchObject({ active: true, failingSince: start });

    // Three days of failing deliveries (each retried for a day, then the next): turned off.
    const later = new Date(start.getTime() + 72 * HOUR);
    await attemptAt(later, stream, HOUR);
    const [off] = await env.database.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, subscription.id));
    expect(off).toMatchObject({ active: false, disabledReason: "failing" });

    const told = await env.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, WebhookMessageKind.webhookDisabled));
    const admins = [seed.profileId("admin@acme.example", seed.acme.id)];
    expect(told.map((notification) => notification.recipientProfileId)).toEqual(admins);
    expect(told[0]?.title).toBe("Webhook désactivé : ses envois échouent depuis trois jours");
    const mails = await env.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.kind, WebhookMessageKind.webhookDisabled));
    expect(mails.map((mail) => mail.recipientEmail)).toEqual(["admin@acme.example"]);

    // Its other pending event is failed without a post, and nobody is told twice.
    const posts = receiver.received.length;
    await attemptAt(new Date(later.getTime() + HOUR), stream);
    expect(receiver.received).toHaveLength(posts);
    expect((await deliveryByWebhookId(env.database.db, webhookIdOf(0)))[0]?.status).toBe(WebhookDeliveryStatus.failed);
    expect(
      await env.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.kind, WebhookMessageKind.webhookDisabled)),
    ).toHaveLength(1);
  });

  it("does not follow a redirect: the attempt fails and says where it was sent", async () => {
    receiver.answer = () => ({ status: 302 });
    const stream = await twoEvents();
    await expect(attemptAt(new Date(), stream)).rejects.toThrow(/redirect/);
    expect(receiver.received).toHaveLength(1);
    const id = webhookIdOf(0);
    expect((await deliveryByWebhookId(env.database.db, id))[0]).toMatchObject({
      status: WebhookDeliveryStatus.pending,
      lastResponseStatus: 302,
      lastError: expect.stringMatching(/redirects are not followed/),
    });
  });
});

describe("housekeeping", () => {
  it("deletes events settled more than a month ago with their deliveries, and keeps pending ones", async () => {
    receiver.answer = () => ({ status: 204 });
    const stream = await twoEvents();
    await attemptAt(new Date(), stream);
    const inAMonth = new Date(Date.now() + (WEBHOOK_EVENTS_KEPT_DAYS + 1) * 86_400_000);
    const delivered = webhookIdOf(0);
    await purgeSettledWebhookEvents(env.database.db, inAMonth);
    expect(await deliveryByWebhookId(env.database.db, delivered)).toEqual([]);
    // The stream's second event is still pending: kept, and delivered next.
    await attemptAt(inAMonth, stream);
    expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual([
      WebhookEventType.created,
      WebhookEventType.updated,
    ]);
  });
});

describe("the routine generator's events", () => {
  it("tells of a check planned by a routine as generated, and of an obligation fallen overdue", async () => {
    const organization = await freshRoutineOrganization(env.database.db);
    const routine = await freshRoutine(env.database.db, organization, {
      periodicityMonths: 12,
      firstDueAt: new Date("2025-01-01T09:00:00.000Z"),
    });
    // Checked 13 months ago, yearly: overdue for a month.
    await coveringIntervention(env.database.db, routine, {
      kind: RuleKind.check,
      status: InterventionStatus.accepted,
      scheduledEnd: new Date("2025-10-23T10:00:00.000Z"),
    });
    const own = await createSubscription(
      env.database.db,
      { allowPrivate: true },
      { organizationId: organization.id, createdByProfileId: null, url: receiver.url, now: new Date() },
    );
    const deps = { db: env.database.db, jobs: env.jobs };
    const now = new Date("2026-11-23T10:00:00.000Z");
    await runRoutines(deps, { now, organizationSlug: organization.slug });
    await runRoutines(deps, { now, organizationSlug: organization.slug });

    const events = await env.database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.organizationId, organization.id))
      .orderBy(asc(webhookEvents.id));
    expect(events.map((event) => event.type)).toEqual([WebhookEventType.generated, WebhookEventType.overdue]);
    const generated = interventionEventBody.parse(JSON.parse(events[0]?.body ?? ""));
    expect(generated.data.intervention).toMatchObject({ autoCreated: true, routineId: routine.routineId });
    const overdue = obligationEventBody.parse(JSON.parse(events[1]?.body ?? ""));
    expect(overdue.data.obligation).toMatchObject({
      siteRuleId: routine.siteRuleId,
      status: "overdue",
      nextInterventionId: generated.data.intervention.id,
    });

    receiver.answer = () => ({ status: 204 });
    const deliver = (stream: string) =>
      deliverNextEvent({ db: env.database.db, jobs: env.jobs, poster }, { subscriptionId: own.id, stream });
    await deliver(interventionStream(generated.data.intervention.id));
    await deliver(siteRuleStream(routine.siteRuleId));
    expect(receiver.received.map((request) => JSON.parse(request.body))).toEqual([generated, overdue]);
  });
});
