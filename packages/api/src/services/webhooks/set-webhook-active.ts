import { Operation, setWebhookActiveInput } from "@interventions/domain";
import { defineVerb } from "../verb";
import { setSubscriptionActive } from "./subscriptions";

/** An admin turns a subscription off, or back on once the partner's server is mended. */
export const setWebhookActive = defineVerb(
  { operation: Operation.manageWebhooks, input: setWebhookActiveInput },
  ({ ctx, input }) =>
    setSubscriptionActive(ctx.db, { ...input, organizationId: ctx.actor.organizationId, now: ctx.now }),
);
