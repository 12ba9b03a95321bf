"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useFormats } from "../../../components/use-formats";
import { useLabels } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import type { Delivery, Webhook } from "./webhook-view";

/** As many as an admin reads to see why a partner missed a change. */
const RECENT = 20;

/** A subscription's latest deliveries: which event, where it stands, and what the receiver last said. */
export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const trpc = useTRPC();
  const t = useTranslations("webhookDeliveries");
  const label = useLabels();
  const { dateTime } = useFormats();
  const query = useQuery(trpc.webhooks.deliveries.queryOptions({ webhookId: webhook.id, limit: RECENT }));
  if (query.isPending) return <Loading>{t("loading")}</Loading>;
  if (query.error) return <ErrorBanner error={query.error} />;
  const refresh = (
    <button
      type="button"
      className="secondary"
      disabled={query.isFetching}
      aria-label={t("checkAgainLabel", { url: webhook.url })}
      onClick={() => query.refetch()}
    >
      {t("checkAgain")}
    </button>
  );
  if (query.data.length === 0) {
    return (
      <div className="row">
        <Empty>{t("empty")}</Empty>
        {refresh}
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="records">
          <caption>{t("caption", { url: webhook.url })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("event")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("attempts")}</th>
              <th scope="col">{t("lastAnswer")}</th>
              <th scope="col">{t("happened")}</th>
              <th scope="col">{t("lastAttempt")}</th>
              <th scope="col">{t("delivered")}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((delivery) => (
              <tr key={delivery.webhookId}>
                <th scope="row">{label("webhookEvent", delivery.eventType)}</th>
                <td>
                  <span className={statusBadge(delivery.status)}>{label("deliveryStatus", delivery.status)}</span>
                </td>
                <td>{delivery.attempts}</td>
                <td>{lastAnswer(delivery) ?? t("noAnswer")}</td>
                <td>{dateTime(delivery.createdAt)}</td>
                <td>{dateTime(delivery.lastAttemptAt)}</td>
                <td>{dateTime(delivery.deliveredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {refresh}
    </div>
  );
}

function statusBadge(status: Delivery["status"]): string {
  if (status === "delivered") return "badge status-5";
  if (status === "failed") return "badge status-6";
  return "badge status-4";
}

/** The receiver's HTTP status and, when it failed, why, in one line (as the receiver or the network said it). */
function lastAnswer(delivery: Delivery): string | null {
  const parts = [
    delivery.lastResponseStatus === null ? null : `HTTP ${delivery.lastResponseStatus}`,
    delivery.lastError,
  ].filter((part): part is string => Boolean(part));
  return parts.length === 0 ? null : parts.join(": ");
}
