import { listWebhooks } from "@interventions/api/services";
import { ErrorCode, Operation, roleAllows } from "@interventions/domain";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErrorBanner } from "../../../components/states";
import { requireActor, serviceContextFor } from "../../../lib/session";
import { Webhooks } from "./webhooks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

/**
 * The organization's webhook subscriptions, for its admins. The e-mail saying a subscription was turned off
 * links here (`/webhooks`).
 */
export default async function WebhooksPage() {
  const [actor, t] = await Promise.all([requireActor("/webhooks"), getTranslations("webhooks")]);
  if (!roleAllows(actor.role, Operation.manageWebhooks)) {
    return (
      <>
        <h1>{t("title")}</h1>
        <ErrorBanner error={{ data: { errorCode: ErrorCode.forbidden } }} />
      </>
    );
  }
  const initial = await listWebhooks({ ctx: await serviceContextFor(actor) });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <Webhooks initial={initial} />
    </>
  );
}
