"use client";

import { useQuery } from "@tanstack/react-query";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useSession } from "../../../components/use-session";
import { formatDateTime } from "../../../lib/dates";
import { DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS, wordFor } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import type { Delivery, Webhook } from "./webhook-view";

/** As many as an admin reads to see why a partner missed a change. */
const RECENT = 20;

const TEXT = {
  loading: "the deliveries",
  empty: "No delivery yet: each event this webhook is told of will show here.",
  caption: (url: string) => `Recent deliveries to ${url}, newest first`,
  event: "Event",
  status: "Status",
  attempts: "Attempts",
  lastAnswer: "Last answer",
  happened: "Event at",
  lastAttempt: "Last attempt",
  delivered: "Delivered",
  noAnswer: "No answer yet",
  httpStatus: (status: number) => `HTTP ${status}`,
  checkAgain: "Check again",
  checkAgainLabel: (url: string) => `Check the deliveries to ${url} again`,
};

/** A subscription's latest deliveries: which event, where it stands, and what the receiver last said. */
export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const trpc = useTRPC();
  const { timeZone } = useSession();
  const query = useQuery(trpc.webhooks.deliveries.queryOptions({ webhookId: webhook.id, limit: RECENT }));
  if (query.isPending) return <Loading what={TEXT.loading} />;
  if (query.error) return <ErrorBanner error={query.error} />;
  const refresh = (
    <button
      type="button"
      className="secondary"
      disabled={query.isFetching}
      aria-label={TEXT.checkAgainLabel(webhook.url)}
      onClick={() => query.refetch()}
    >
      {TEXT.checkAgain}
    </button>
  );
  if (query.data.length === 0) {
    return (
      <div className="row">
        <Empty>{TEXT.empty}</Empty>
        {refresh}
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="records">
          <caption>{TEXT.caption(webhook.url)}</caption>
          <thead>
            <tr>
              <th scope="col">{TEXT.event}</th>
              <th scope="col">{TEXT.status}</th>
              <th scope="col">{TEXT.attempts}</th>
              <th scope="col">{TEXT.lastAnswer}</th>
              <th scope="col">{TEXT.happened}</th>
              <th scope="col">{TEXT.lastAttempt}</th>
              <th scope="col">{TEXT.delivered}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((delivery) => (
              <tr key={delivery.webhookId}>
                <th scope="row">{wordFor(WEBHOOK_EVENT_LABELS, delivery.eventType)}</th>
                <td>
                  <span className={statusBadge(delivery.status)}>
                    {wordFor(DELIVERY_STATUS_LABELS, delivery.status)}
                  </span>
                </td>
                <td>{delivery.attempts}</td>
                <td>{lastAnswer(delivery)}</td>
                <td>{formatDateTime(delivery.createdAt, timeZone)}</td>
                <td>{formatDateTime(delivery.lastAttemptAt, timeZone)}</td>
                <td>{formatDateTime(delivery.deliveredAt, timeZone)}</td>
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

/** The receiver's HTTP status and, when it failed, why, in one line. */
function lastAnswer(delivery: Delivery): string {
  const parts = [
    delivery.lastResponseStatus === null ? null : TEXT.httpStatus(delivery.lastResponseStatus),
    delivery.lastError,
  ].filter((part): part is string => Boolean(part));
  return parts.length === 0 ? TEXT.noAnswer : parts.join(": ");
}
