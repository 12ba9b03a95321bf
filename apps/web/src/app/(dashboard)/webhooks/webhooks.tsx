"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ErrorBanner } from "../../../components/states";
import { useTRPC } from "../../../lib/trpc";
import { WebhookForm } from "./webhook-form";
import { WebhookTable } from "./webhook-table";
import type { Webhook } from "./webhook-view";

/** The subscriptions and the form adding one; the page read them on the server, the query takes over. */
export function Webhooks({ initial }: { initial: Webhook[] }) {
  const trpc = useTRPC();
  const headingId = useId();
  const t = useTranslations("webhooks");
  const list = useQuery(trpc.webhooks.list.queryOptions(undefined, { initialData: initial }));
  return (
    <div className="stack">
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t("subscriptions")}</h2>
        {list.error ? <ErrorBanner error={list.error} /> : <WebhookTable webhooks={list.data ?? []} />}
      </section>
      <WebhookForm />
    </div>
  );
}
