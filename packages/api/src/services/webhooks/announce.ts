import {
  interventions,
  type Transaction,
  webhookDeliveries,
  webhookEvents,
  webhookSubscriptions,
} from "@interventions/db";
import {
  type InterventionEventType,
  type ObligationEventBody,
  type WebhookEventBody,
  WebhookEventType,
} from "@interventions/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { WriteContext } from "../../context";
import { Queue } from "../../jobs/job-queue";
import { interventionStream, siteRuleStream, type WebhookJob, webhookJobKey } from "../../webhooks/webhook-job";
import { type InterventionView, selectInterventionViews, toUserShaped } from "../interventions/read/intervention-view";

type AnnounceContext = Pick<WriteContext, "now" | "jobs"> & { actor: Pick<WriteContext["actor"], "organizationId"> };

/** An event about to be written: what it is about, and its body, made only if a subscription wants it. */
interface PendingEvent {
  type: WebhookEventType;
  interventionId: number | null;
  siteRuleId: number | null;
  stream: string;
  body: () => WebhookEventBody;
}

/**
 * Tells the organization's webhooks of interventions' changes, in the caller's transaction: each change's
 * events (in the order they happened) with the intervention as the change left it. Nothing is read or
 * written when no active subscription wants them.
 */
export async function announceInterventionChanges(
  tx: Transaction,
  ctx: AnnounceContext,
  changes: readonly { interventionId: number; types: readonly InterventionEventType[] }[],
  known?: { subscriptions: readonly ActiveSubscription[]; views: readonly InterventionView[] },
): Promise<void> {
  if (changes.every((change) => change.types.length === 0)) return;
  const subscriptions = known?.subscriptions ?? (await activeSubscriptions(tx, ctx.actor.organizationId));
  const wanted = changes.filter((change) => change.types.some((type) => subscriptions.some((s) => s.wants(type))));
  if (wanted.length === 0) return;
  const views =
    known?.views ??
    (await selectInterventionViews(tx).where(
      and(
        eq(interventions.organizationId, ctx.actor.organizationId),
        inArray(
          interventions.id,
          wanted.map((change) => change.interventionId),
        ),
      ),
    ));
  const shaped = new Map(views.map((view) => [view.id, toUserShaped(view)] as const));
  const timestamp = ctx.now.toISOString();
  const events = wanted.flatMap((change) =>
    change.types.map(
      (type): PendingEvent => ({
        type,
        interventionId: change.interventionId,
        siteRuleId: null,
        stream: interventionStream(change.interventionId),
        body: () => {
          const intervention = shaped.get(change.interventionId);
          if (!intervention) throw new Error(`intervention ${change.interventionId} is not readable in its own change`);
          return { type, timestamp, data: { intervention } };
        },
      }),
    ),
  );
  await writeEvents(tx, ctx, subscriptions, events);
}

/** Tells the organization's webhooks that these obligations fell overdue, in the reminder's transaction. */
export async function announceOverdue(
  tx: Transaction,
  ctx: AnnounceContext,
  obligations: readonly ObligationEventBody["data"]["obligation"][],
): Promise<void> {
  if (obligations.length === 0) return;
  const subscriptions = await activeSubscriptions(tx, ctx.actor.organizationId);
  const timestamp = ctx.now.toISOString();
  await writeEvents(
    tx,
    ctx,
    subscriptions,
    obligations.map((obligation) => ({
      type: WebhookEventType.overdue,
      interventionId: null,
      siteRuleId: obligation.siteRuleId,
      stream: siteRuleStream(obligation.siteRuleId),
      body: () => ({ type: WebhookEventType.overdue, timestamp, data: { obligation } }),
    })),
  );
}

/**
 * The view a write on one intervention answers with, after telling the webhooks of its events. The
 * organization's subscriptions are read in the same statement as the view, so that a write costs no round
 * trip more for its webhooks, subscribed or not.
 */
export async function viewAfterAnnouncedWrite(
  tx: Transaction,
  ctx: AnnounceContext,
  interventionId: number,
  types: readonly InterventionEventType[],
): Promise<InterventionView> {
  const { organizationId } = ctx.actor;
  const subscribed = tx
    .select({
      list: sql<string>`coalesce(json_agg(json_build_array(${webhookSubscriptions.id}, ${webhookSubscriptions.eventTypes})), '[]')::text`,
    })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.organizationId, organizationId), eq(webhookSubscriptions.active, true)));
  const [row] = await selectInterventionViews(tx, { subscriptions: sql<string>`(${subscribed})` }).where(
    and(eq(interventions.id, interventionId), eq(interventions.organizationId, organizationId)),
  );
  if (!row) throw new Error(`intervention ${interventionId} not readable in its own transaction`);
  const { subscriptions, ...view } = row;
  const rows = JSON.parse(subscriptions) as [number, string[] | null][];
  await announceInterventionChanges(tx, ctx, [{ interventionId, types }], {
    subscriptions: rows.map(([id, eventTypes]) => subscriptionOf({ id, eventTypes })),
    views: [view],
  });
  return view;
}

export interface ActiveSubscription {
  id: number;
  wants(type: WebhookEventType): boolean;
}

const subscriptionOf = (row: { id: number; eventTypes: string[] | null }): ActiveSubscription => ({
  id: row.id,
  wants: (type) => row.eventTypes === null || row.eventTypes.includes(type),
});

/** The organization's active subscriptions: a write sends this read beside its own statements. */
export async function activeSubscriptions(tx: Transaction, organizationId: number): Promise<ActiveSubscription[]> {
  const rows = await tx
    .select({ id: webhookSubscriptions.id, eventTypes: webhookSubscriptions.eventTypes })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.organizationId, organizationId), eq(webhookSubscriptions.active, true)));
  return rows.map(subscriptionOf);
}

/**
 * The events each wanted by a subscription, their deliveries (one per subscription and event, by the
 * unique key) and the jobs that post them: one statement each, whatever their number. Event ids follow
 * the order of `events`, and a stream's deliveries are posted in event id order.
 */
async function writeEvents(
  tx: Transaction,
  ctx: AnnounceContext,
  subscriptions: readonly ActiveSubscription[],
  events: readonly PendingEvent[],
): Promise<void> {
  const wanted = events
    .map((event) => ({ event, to: subscriptions.filter((subscription) => subscription.wants(event.type)) }))
    .filter(({ to }) => to.length > 0);
  if (wanted.length === 0) return;
  const { organizationId } = ctx.actor;
  const written = await tx
    .insert(webhookEvents)
    .values(
      wanted.map(({ event }) => ({
        organizationId,
        type: event.type,
        interventionId: event.interventionId,
        siteRuleId: event.siteRuleId,
        body: JSON.stringify(event.body()),
        occurredAt: ctx.now,
      })),
    )
    .returning({ id: webhookEvents.id });
  if (written.length !== wanted.length) throw new Error("the webhook events were not all written");
  const deliveries = await tx
    .insert(webhookDeliveries)
    .values(
      wanted.flatMap(({ event, to }, index) =>
        to.map((subscription) => ({
          organizationId,
          subscriptionId: subscription.id,
          eventId: written[index]?.id ?? 0,
          stream: event.stream,
          createdAt: ctx.now,
        })),
      ),
    )
    .returning({ subscriptionId: webhookDeliveries.subscriptionId, stream: webhookDeliveries.stream });
  await ctx.jobs.enqueueInOrder(
    tx,
    Queue.webhooks,
    deliveries.map((delivery) => {
      const job: WebhookJob = { subscriptionId: delivery.subscriptionId, stream: delivery.stream };
      return { key: webhookJobKey(job), data: job };
    }),
  );
}
