import { Operation } from "@interventions/domain";
import { defineVerb, noInput } from "../verb";
import { listSubscriptions } from "./subscriptions";

/** The organization's webhook subscriptions, newest first, without their secrets. */
export const listWebhooks = defineVerb({ operation: Operation.manageWebhooks, input: noInput }, ({ ctx }) =>
  listSubscriptions(ctx.db, ctx.actor.organizationId),
);
