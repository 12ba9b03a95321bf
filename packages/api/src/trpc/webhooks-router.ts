import { createWebhook } from "../services/webhooks/create-webhook";
import { listWebhookDeliveries } from "../services/webhooks/list-webhook-deliveries";
import { listWebhooks } from "../services/webhooks/list-webhooks";
import { setWebhookActive } from "../services/webhooks/set-webhook-active";
import { createTRPCRouter, mutationOf, queryOf } from "./init";

/** The organization's webhook subscriptions, for its admins. */
export const webhooksRouter = createTRPCRouter({
  list: queryOf(listWebhooks),
  create: mutationOf(createWebhook),
  setActive: mutationOf(setWebhookActive),
  deliveries: queryOf(listWebhookDeliveries),
});
