import { webhookSubscriptions } from "@interventions/db";
import { DomainError, ErrorCode, listWebhookDeliveriesInput, Operation } from "@interventions/domain";
import { and, eq } from "drizzle-orm";
import { defineVerb } from "../verb";
import { recentDeliveries } from "./deliveries";

/** A subscription's latest deliveries, for an admin checking why a partner did not hear of a change. */
export const listWebhookDeliveries = defineVerb(
  { operation: Operation.manageWebhooks, input: listWebhookDeliveriesInput },
  async ({ ctx, input }) => {
    const [subscription] = await ctx.db
      .select({ id: webhookSubscriptions.id })
      .from(webhookSubscriptions)
      .where(
        and(
          eq(webhookSubscriptions.id, input.webhookId),
          eq(webhookSubscriptions.organizationId, ctx.actor.organizationId),
        ),
      );
    if (!subscription) throw new DomainError(ErrorCode.notFound, `No webhook ${input.webhookId}`);
    return recentDeliveries(ctx.db, subscription.id, input.limit);
  },
);
