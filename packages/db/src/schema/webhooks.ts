import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, smallint, text, unique } from "drizzle-orm/pg-core";
import { at, createdAt, enumColumn, idColumn, inEnum, ref, updatedAt } from "./columns";
import { organizationIdColumn } from "./organizations";
import { profiles } from "./profiles";

/** Why a subscription is off, as words for its reader are chosen from it. */
export const WebhookDisabledReason = {
  byAdmin: "byAdmin",
  /** Every delivery failed for three days. */
  failing: "failing",
} as const;
export type WebhookDisabledReason = (typeof WebhookDisabledReason)[keyof typeof WebhookDisabledReason];

/**
 * Where an organization's changes are posted: a partner's endpoint, the events it wants (all when null, so
 * that it also gets event types added later) and the secret its deliveries are signed with.
 */
export const webhookSubscriptions = pgTable(
  "webhook_subscriptions",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    url: text().notNull(),
    eventTypes: text().array(),
    /** `whsec_…` (Standard Webhooks): the partner verifies each delivery with it. */
    secret: text().notNull(),
    active: boolean().notNull().default(true),
    /** Since when every delivery has failed; cleared by the first success. */
    failingSince: at(),
    /** Why it is off (`WebhookDisabledReason`). */
    disabledReason: text().$type<WebhookDisabledReason>(),
    createdByProfileId: ref(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("webhook_subscriptions_organization_id_key").on(t.organizationId, t.id),
    index("webhook_subscriptions_active_idx").on(t.organizationId).where(sql`${t.active}`),
    check("webhook_subscriptions_disabled_reason_check", sql`${t.disabledReason} in ('byAdmin', 'failing')`),
    foreignKey({
      name: "webhook_subscriptions_creator_fk",
      columns: [t.organizationId, t.createdByProfileId],
      foreignColumns: [profiles.organizationId, profiles.id],
    }),
  ],
);

/**
 * One change to tell partners of, written in the change's own transaction with its body as it will be
 * posted (signed byte for byte): no event for a change that rolled back, no change without its event.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    type: text().notNull(),
    /** The intervention or the site rule the event is about: its deliveries to one endpoint keep their order. */
    interventionId: ref(),
    siteRuleId: ref(),
    body: text().notNull(),
    occurredAt: at().notNull(),
  },
  (t) => [
    unique("webhook_events_organization_id_key").on(t.organizationId, t.id),
    index("webhook_events_occurred_idx").on(t.occurredAt),
  ],
);

export const WebhookDeliveryStatus = {
  pending: 1,
  delivered: 2,
  /** Given up: retried for a day without a 2xx, or its subscription was turned off meanwhile. */
  failed: 3,
} as const;

/**
 * One event for one subscription: exactly one per pair (the unique key), posted until a 2xx. Its
 * `webhookId` stays the same across attempts, so that a receiver can drop a repeat.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    subscriptionId: ref().notNull(),
    eventId: ref().notNull(),
    /** The ordering key within the subscription: `i<intervention id>` or `r<site rule id>`. */
    stream: text().notNull(),
    webhookId: text().notNull().unique().default(sql`'msg_' || replace(gen_random_uuid()::text, '-', '')`),
    status: enumColumn(WebhookDeliveryStatus).notNull().default(WebhookDeliveryStatus.pending),
    attempts: integer().notNull().default(0),
    /** Retries go on for a day from here. */
    firstAttemptAt: at(),
    lastAttemptAt: at(),
    /** The receiver's status code on the last attempt; null when it gave none (refused, timed out). */
    lastResponseStatus: smallint(),
    lastError: text(),
    deliveredAt: at(),
    createdAt: at().notNull(),
  },
  (t) => [
    unique("webhook_deliveries_event_key").on(t.subscriptionId, t.eventId),
    index("webhook_deliveries_stream_head_idx")
      .on(t.subscriptionId, t.stream, t.eventId)
      .where(sql`${t.status} = ${sql.raw(String(WebhookDeliveryStatus.pending))}`),
    index("webhook_deliveries_recent_idx").on(t.subscriptionId, t.id),
    foreignKey({
      name: "webhook_deliveries_subscription_fk",
      columns: [t.organizationId, t.subscriptionId],
      foreignColumns: [webhookSubscriptions.organizationId, webhookSubscriptions.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "webhook_deliveries_event_fk",
      columns: [t.organizationId, t.eventId],
      foreignColumns: [webhookEvents.organizationId, webhookEvents.id],
    }).onDelete("cascade"),
    check("webhook_deliveries_status_check", inEnum(t.status, WebhookDeliveryStatus)),
    check("webhook_deliveries_attempts_check", sql`${t.attempts} >= 0`),
  ],
);
