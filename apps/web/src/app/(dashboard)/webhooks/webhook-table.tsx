"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormFeedback } from "../../../components/form-feedback";
import { Empty } from "../../../components/states";
import { useFormats } from "../../../components/use-formats";
import { useLabels } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { WebhookDeliveries } from "./webhook-deliveries";
import type { Webhook } from "./webhook-view";

/** Each subscription, its state in words, the button turning it off or on, and its recent deliveries. */
export function WebhookTable({ webhooks }: { webhooks: Webhook[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("webhookTable");
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<number[]>([]);
  const mutation = useMutation(
    trpc.webhooks.setActive.mutationOptions({
      onSuccess: (webhook) => {
        setDone(webhook.active ? t("turnedOnDone", { url: webhook.url }) : t("turnedOffDone", { url: webhook.url }));
        return queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
      },
    }),
  );
  const toggleDeliveries = (webhookId: number) =>
    setShown((current) =>
      current.includes(webhookId) ? current.filter((id) => id !== webhookId) : [...current, webhookId],
    );
  if (webhooks.length === 0) return <Empty>{t("empty")}</Empty>;
  return (
    <>
      <FormFeedback error={mutation.error} success={done} />
      <div className="table-wrap">
        <table className="records webhook-table">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("endpoint")}</th>
              <th scope="col">{t("events")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("added")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((webhook) => (
              <WebhookRow
                key={webhook.id}
                webhook={webhook}
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
  busy,
  deliveriesShown,
  onToggleActive,
  onToggleDeliveries,
}: {
  webhook: Webhook;
  busy: boolean;
  deliveriesShown: boolean;
  onToggleActive: () => void;
  onToggleDeliveries: () => void;
}) {
  const deliveriesId = useId();
  const t = useTranslations("webhookTable");
  const label = useLabels();
  const { dateTime } = useFormats();
  return (
    <>
      <tr>
        <th scope="row" className="webhook-url">
          {webhook.url}
        </th>
        <td>
          {webhook.events === null
            ? t("allEvents")
            : webhook.events.map((type) => label("webhookEvent", type)).join(", ")}
        </td>
        <td>
          <span className={webhook.active ? "badge status-5" : "badge status-6"}>
            {webhook.active ? t("active") : t("turnedOff")}
          </span>
          {!webhook.active && webhook.disabledReason ? (
            <div className="muted">{label("webhookDisabled", webhook.disabledReason)}</div>
          ) : null}
          {webhook.failingSince ? (
            <div className="error">{t("failingSince", { date: dateTime(webhook.failingSince) })}</div>
          ) : null}
        </td>
        <td>{dateTime(webhook.createdAt)}</td>
        <td>
          <div className="row">
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={
                webhook.active ? t("turnOffLabel", { url: webhook.url }) : t("turnOnLabel", { url: webhook.url })
              }
              onClick={onToggleActive}
            >
              {webhook.active ? t("turnOff") : t("turnOn")}
            </button>
            <button
              type="button"
              className="secondary"
              aria-expanded={deliveriesShown}
              aria-controls={deliveriesShown ? deliveriesId : undefined}
              aria-label={
                deliveriesShown
                  ? t("hideDeliveriesLabel", { url: webhook.url })
                  : t("showDeliveriesLabel", { url: webhook.url })
              }
              onClick={onToggleDeliveries}
            >
              {deliveriesShown ? t("hideDeliveries") : t("showDeliveries")}
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
