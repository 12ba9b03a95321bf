import type { RouterOutputs } from "@interventions/api/trpc";

/** A subscription as the list gives it (no secret). */
export type Webhook = RouterOutputs["webhooks"]["list"][number];

/** One delivery of an event to a subscription. */
export type Delivery = RouterOutputs["webhooks"]["deliveries"][number];
