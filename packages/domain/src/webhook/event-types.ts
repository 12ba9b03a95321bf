import { z } from "zod";
import { InterventionStatus } from "../intervention/enums";

/** What a partner's webhook is told of: an intervention's changes, and an obligation falling overdue. */
export const WebhookEventType = {
  created: "intervention.created",
  updated: "intervention.updated",
  /** Planned by a routine, not by a person. */
  generated: "intervention.generated",
  /** Done on site: awaiting the client's verification. */
  completed: "intervention.completed",
  /** Accepted or rejected by the client. */
  verified: "intervention.verified",
  overdue: "compliance.overdue",
} as const;
export type WebhookEventType = (typeof WebhookEventType)[keyof typeof WebhookEventType];

export const WEBHOOK_EVENT_TYPES = Object.values(WebhookEventType);
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export type InterventionEventType = Exclude<WebhookEventType, typeof WebhookEventType.overdue>;

/** How an intervention changed, as its history records it. */
export type InterventionChange =
  | { action: "created"; byRoutine: boolean; status: InterventionStatus }
  | { action: "updated"; statusBefore: InterventionStatus; status: InterventionStatus }
  | { action: "verified" };

/**
 * The events a change gives, in the order they happened: a creation already done is also a completion, an
 * update that marks the work done is a completion rather than an update.
 */
export function interventionEventTypes(change: InterventionChange): InterventionEventType[] {
  const done = (status: InterventionStatus) => status === InterventionStatus.awaitingVerification;
  switch (change.action) {
    case "created": {
      const created = change.byRoutine ? WebhookEventType.generated : WebhookEventType.created;
      return done(change.status) ? [created, WebhookEventType.completed] : [created];
    }
    case "updated":
      return done(change.status) && !done(change.statusBefore)
        ? [WebhookEventType.completed]
        : [WebhookEventType.updated];
    case "verified":
      return [WebhookEventType.verified];
  }
}
