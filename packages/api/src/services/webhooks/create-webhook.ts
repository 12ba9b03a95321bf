import { createWebhookInput, Operation } from "@interventions/domain";
import { defineVerb } from "../verb";
import { createSubscription } from "./subscriptions";

/** An admin subscribes a partner's endpoint to the organization's events; the secret is shown this once. */
export const createWebhook = defineVerb(
  { operation: Operation.manageWebhooks, input: createWebhookInput },
  ({ ctx, input }) =>
    createSubscription(ctx.db, ctx.webhookDestinations, {
      ...input,
      organizationId: ctx.actor.organizationId,
      createdByProfileId: ctx.actor.profileId,
      now: ctx.now,
    }),
);
