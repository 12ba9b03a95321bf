import { listWebhooks } from "@interventions/api/services";
import { ErrorCode, Operation, roleAllows } from "@interventions/domain";
import type { Metadata } from "next";
import { ErrorBanner } from "../../../components/states";
import { requireActor, serviceContextFor } from "../../../lib/session";
import { Webhooks } from "./webhooks";

const TEXT = {
  title: "Webhooks",
  intro:
    "A webhook posts the organization's events to a partner's server as they happen, signed with its secret. " +
    "A subscription whose deliveries all fail for three days is turned off, and its admins are told by e-mail; " +
    "turn it back on once the partner's server answers again.",
};

export const metadata: Metadata = { title: TEXT.title };

/**
 * The organization's webhook subscriptions, for its admins. The e-mail saying a subscription was turned off
 * links here (`/webhooks`).
 */
export default async function WebhooksPage() {
  const actor = await requireActor("/webhooks");
  if (!roleAllows(actor.role, Operation.manageWebhooks)) {
    return (
      <>
        <h1>{TEXT.title}</h1>
        <ErrorBanner error={{ data: { errorCode: ErrorCode.forbidden } }} />
      </>
    );
  }
  const initial = await listWebhooks({ ctx: await serviceContextFor(actor) });
  return (
    <>
      <h1>{TEXT.title}</h1>
      <p className="muted">{TEXT.intro}</p>
      <Webhooks initial={initial} />
    </>
  );
}
