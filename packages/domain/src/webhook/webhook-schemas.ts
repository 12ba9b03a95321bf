import { z } from "zod";
import { obligationSchema } from "../compliance/query-schemas";
import { interventionUserShapedSchema } from "../intervention/response-schemas";
import { id, text } from "../primitives";
import { WEBHOOK_EVENT_TYPES, WebhookEventType, webhookEventTypeSchema } from "./event-types";

/** Longer than any endpoint a partner means to give; the URL's own limits are checked where it is parsed. */
export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** A new subscription: where to post, and which events (all when none are named). */
export const createWebhookInput = z.strictObject({
  url: text({ min: 1, max: WEBHOOK_URL_MAX_LENGTH }),
  events: z
    .array(webhookEventTypeSchema)
    .min(1)
    .max(WEBHOOK_EVENT_TYPES.length)
    .refine((events) => new Set(events).size === events.length, "Name each event type once")
    .optional(),
});
export type CreateWebhookInput = z.input<typeof createWebhookInput>;

export const webhookIdInput = z.strictObject({ webhookId: id });

/** Turns a subscription on or off; turning it on clears the failures that disabled it. */
export const setWebhookActiveInput = z.strictObject({ webhookId: id, active: z.boolean() });

export const WEBHOOK_DELIVERIES_MAX = 100;
export const listWebhookDeliveriesInput = z.strictObject({
  webhookId: id,
  limit: z.int().min(1).max(WEBHOOK_DELIVERIES_MAX).default(20),
});

const instant = z.iso.datetime();
const timestamp = instant.meta({ description: "When the change happened (UTC).", example: "2026-12-01T08:00:00.000Z" });

const interventionEventTypes = z.enum([
  WebhookEventType.created,
  WebhookEventType.updated,
  WebhookEventType.generated,
  WebhookEventType.completed,
  WebhookEventType.verified,
]);

/** The body posted for an intervention's change: the intervention as the documented responses give it. */
export const interventionEventBody = z
  .object({
    type: interventionEventTypes,
    timestamp,
    data: z.object({ intervention: interventionUserShapedSchema }),
  })
  .meta({ id: "InterventionEvent", description: "An intervention was created, changed, done or verified" });
export type InterventionEventBody = z.infer<typeof interventionEventBody>;

/** The body posted when an obligation falls overdue: the obligation as the compliance read gives it. */
export const obligationEventBody = z
  .object({
    type: z.literal(WebhookEventType.overdue),
    timestamp,
    data: z.object({ obligation: obligationSchema }),
  })
  .meta({ id: "ObligationEvent", description: "A rule on a site fell overdue" });
export type ObligationEventBody = z.infer<typeof obligationEventBody>;

export type WebhookEventBody = InterventionEventBody | ObligationEventBody;
