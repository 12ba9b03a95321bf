"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FormFeedback } from "../../../components/form-feedback";
import { Empty } from "../../../components/states";
import { useSession } from "../../../components/use-session";
import { formatDateTime } from "../../../lib/dates";
import { WEBHOOK_DISABLED_LABELS, WEBHOOK_EVENT_LABELS, wordFor } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { WebhookDeliveries } from "./webhook-deliveries";
import type { Webhook } from "./webhook-view";

const TEXT = {
  empty: "No webhook yet: add one below to tell a partner's server of the organization's events.",
  caption: "Webhook subscriptions: where each posts, which events, and whether it is on",
  endpoint: "Endpoint",
  events: "Events",
  status: "Status",
  added: "Added",
  actions: "Actions",
  allEvents: "All events",
  active: "Active",
  turnedOff: "Turned off",
  failingSince: (date: string) => `Failing since ${date}`,
  turnOff: "Turn off",
  turnOn: "Turn on",
  turnOffLabel: (url: string) => `Turn off the webhook to ${url}`,
  turnOnLabel: (url: string) => `Turn on the webhook to ${url}`,
  turnedOffDone: (url: string) => `The webhook to ${url} is turned off: it is told of no more events.`,
  turnedOnDone: (url: string) => `The webhook to ${url} is on again: it is told of the next events.`,
  showDeliveries: "Show recent deliveries",
  hideDeliveries: "Hide recent deliveries",
  deliveriesLabel: (shown: boolean, url: string) => `${shown ? "Hide" : "Show"} recent deliveries to ${url}`,
};

/** Each subscription, its state in words, the button turning it off or on, and its recent deliveries. */
export function WebhookTable({ webhooks }: { webhooks: Webhook[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useSession();
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<number[]>([]);
  const mutation = useMutation(
    trpc.webhooks.setActive.mutationOptions({
      onSuccess: (webhook) => {
        setDone(webhook.active ? TEXT.turnedOnDone(webhook.url) : TEXT.turnedOffDone(webhook.url));
        return queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
      },
    }),
  );
  const toggleDeliveries = (webhookId: number) =>
    setShown((current) =>
      current.includes(webhookId) ? current.filter((id) => id !== webhookId) : [...current, webhookId],
    );
  if (webhooks.length === 0) return <Empty>{TEXT.empty}</Empty>;
  return (
    <>
      <FormFeedback error={mutation.error} success={done} />
      <div className="table-wrap">
        <table className="records webhook-table">
          <caption className="visually-hidden">{TEXT.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{TEXT.endpoint}</th>
              <th scope="col">{TEXT.events}</th>
              <th scope="col">{TEXT.status}</th>
              <th scope="col">{TEXT.added}</th>
              <th scope="col">
                <span className="visually-hidden">{TEXT.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((webhook) => (
              <WebhookRow
                key={webhook.id}
                webhook={webhook}
                timeZone={timeZone}
                busy={mutation.isPending}
                deliveriesShown={shown.includes(webhook.id)}
                onToggleActive={() => {
                  setDone(null);
                  mutation.mutate({ webhookId: webhook.id, active: !webhook.active });
                }}
                onToggleDeliveries={() => toggleDeliveries(webhook.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function WebhookRow({
  webhook,
  timeZone,
  busy,
  deliveriesShown,
  onToggleActive,
  onToggleDeliveries,
}: {
  webhook: Webhook;
  timeZone: string;
  busy: boolean;
  deliveriesShown: boolean;
  onToggleActive: () => void;
  onToggleDeliveries: () => void;
}) {
  const deliveriesId = useId();
  return (
    <>
      <tr>
        <th scope="row" className="webhook-url">
          {webhook.url}
        </th>
        <td>
          {webhook.events === null
            ? TEXT.allEvents
            : webhook.events.map((type) => wordFor(WEBHOOK_EVENT_LABELS, type)).join(", ")}
        </td>
        <td>
          <span className={webhook.active ? "badge status-5" : "badge status-6"}>
            {webhook.active ? TEXT.active : TEXT.turnedOff}
          </span>
          {!webhook.active && webhook.disabledReason ? (
            <div className="muted">{WEBHOOK_DISABLED_LABELS[webhook.disabledReason]}</div>
          ) : null}
          {webhook.failingSince ? (
            <div className="error">{TEXT.failingSince(formatDateTime(webhook.failingSince, timeZone))}</div>
          ) : null}
        </td>
        <td>{formatDateTime(webhook.createdAt, timeZone)}</td>
        <td>
          <div className="row">
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={webhook.active ? TEXT.turnOffLabel(webhook.url) : TEXT.turnOnLabel(webhook.url)}
              onClick={onToggleActive}
            >
              {webhook.active ? TEXT.turnOff : TEXT.turnOn}
            </button>
            <button
              type="button"
              className="secondary"
              aria-expanded={deliveriesShown}
              aria-controls={deliveriesShown ? deliveriesId : undefined}
              aria-label={TEXT.deliveriesLabel(deliveriesShown, webhook.url)}
              onClick={onToggleDeliveries}
            >
              {deliveriesShown ? TEXT.hideDeliveries : TEXT.showDeliveries}
            </button>
          </div>
        </td>
      </tr>
      {deliveriesShown ? (
        <tr id={deliveriesId}>
          <td colSpan={5}>
            <WebhookDeliveries webhook={webhook} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
