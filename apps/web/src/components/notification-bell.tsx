"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "../lib/trpc";
import { useRefreshAfterChange } from "../lib/use-refresh";
import { ErrorBanner } from "./states";
import { useFormats } from "./use-formats";

/** The unread count, checked every half minute, and the latest notifications in a disclosure panel. */
export function NotificationBell() {
  const trpc = useTRPC();
  const panelId = useId();
  const t = useTranslations("notifications");
  const { dateTime } = useFormats();
  const [open, setOpen] = useState(false);
  const refresh = useRefreshAfterChange();
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: 30_000 });
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 10 }), enabled: open });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: () => refresh() }));
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: () => refresh() }));
  const count = unread.data?.count ?? 0;
  // A notice about an intervention is titled in the page's language (the stored title is in the language its
  // recipient had when it was written); any other keeps its stored title.
  const titles: Record<string, (id: string) => string> = {
    assigned: (id) => t("title.assigned", { id }),
    unassigned: (id) => t("title.unassigned", { id }),
    updated: (id) => t("title.updated", { id }),
    accepted: (id) => t("title.accepted", { id }),
    rejected: (id) => t("title.rejected", { id }),
    awaitingVerification: (id) => t("title.awaitingVerification", { id }),
  };
  const titleOf = (item: { kind: string; title: string; interventionId: number | null }) => {
    if (item.kind === "webhookDisabled") return t("title.webhookDisabled");
    const said = titles[item.kind];
    return said && item.interventionId ? said(String(item.interventionId)) : item.title;
  };

  return (
    <div className="bell">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        {t("button")}
        <span className={count > 0 ? "badge status-4" : "badge"}>
          {count}
          <span className="visually-hidden"> {t("unread")}</span>
        </span>
      </button>
      {open ? (
        <section id={panelId} className="card bell-panel" aria-label={t("panel")}>
          {list.error ? <ErrorBanner error={list.error} /> : null}
          {list.data?.items.length === 0 ? <p className="muted">{t("empty")}</p> : null}
          <ul>
            {list.data?.items.map((item) => (
              <li key={item.id} className={item.readAt ? "muted" : undefined}>
                {item.interventionId ? (
                  <Link href={`/interventions/${item.interventionId}`} onClick={() => setOpen(false)}>
                    {titleOf(item)}
                  </Link>
                ) : (
                  titleOf(item)
                )}
                <div className="muted">{dateTime(item.createdAt)}</div>
                {item.readAt ? null : (
                  <button
                    type="button"
                    className="secondary"
                    disabled={markRead.isPending}
                    onClick={() => markRead.mutate({ id: item.id })}
                  >
                    {t("markRead")}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {count > 0 ? (
            <button type="button" disabled={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
              {t("markAllRead")}
            </button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
