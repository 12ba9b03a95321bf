"use client";

import { InterventionType } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorBanner, Loading } from "../../../components/states";
import { useFormats } from "../../../components/use-formats";
import { addDays, zonedDay, zonedDayStartIso } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { day, typeOfWord, typeWord } from "../interventions/list-filters";
import { type PlanningView, periodDays, shiftAnchor } from "./period";

/** A day shows this many interventions, and a "+N more" button for the rest: a busy day stays a cell. */
export const DAY_ITEMS_SHOWN = 4;

export function PlanningCalendar() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const t = useTranslations("planning");
  const label = useLabels();
  const formats = useFormats();
  const { timeZone } = formats;
  const view: PlanningView = params.get("view") === "week" ? "week" : "month";
  const today = zonedDay(new Date(), timeZone);
  const anchor = day(params.get("date") ?? "") ?? today;
  const siteId = /^\d{1,15}$/.test(params.get("siteId") ?? "") ? Number(params.get("siteId")) : undefined;
  const type = typeOfWord(params.get("type"));
  const days = periodDays(view, anchor);
  const first = days[0] ?? anchor;
  const last = days.at(-1) ?? anchor;
  const options = useQuery(trpc.session.options.queryOptions());
  const planning = useQuery(
    trpc.interventions.planning.queryOptions({
      from: zonedDayStartIso(first, timeZone),
      to: zonedDayStartIso(addDays(last, 1), timeZone),
      siteId,
      type,
    }),
  );
  const href = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return `/planning?${next.toString()}`;
  };
  const siteNames = (siteIds: number[]) =>
    siteIds
      .map((id) => options.data?.sites.find((site) => site.id === id)?.name ?? t("siteNumber", { id: String(id) }))
      .join(", ");
  const month = anchor.slice(0, 7);
  const overdueCount = planning.data?.items.filter((item) => item.overdue).length ?? 0;
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const toggle = (shown: string) =>
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(shown)) next.add(shown);
      return next;
    });

  return (
    <>
      <form
        method="get"
        action="/planning"
        className="card row"
        aria-label={t("options")}
        key={`${params.toString()}|${options.data ? "ready" : "loading"}`}
      >
        <input type="hidden" name="date" value={anchor} />
        <label className="field">
          <span>{t("view")}</span>
          <select name="view" defaultValue={view}>
            <option value="month">{t("month")}</option>
            <option value="week">{t("week")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("site")}</span>
          <select name="siteId" defaultValue={siteId ?? ""}>
            <option value="">{t("allSites")}</option>
            {options.data?.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("type")}</span>
          <select name="type" defaultValue={type === undefined ? "" : typeWord(type)}>
            <option value="">{t("allTypes")}</option>
            {Object.values(InterventionType).map((value) => (
              <option key={value} value={typeWord(value)}>
                {label("type", value)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("show")}</button>
      </form>

      <nav aria-label={t("period")} className="row">
        <Link className="button secondary" href={href({ date: shiftAnchor(view, anchor, -1) })}>
          {view === "month" ? t("previousMonth") : t("previousWeek")}
        </Link>
        <Link className="button secondary" href={href({ date: today })}>
          {t("today")}
        </Link>
        <Link className="button secondary" href={href({ date: shiftAnchor(view, anchor, 1) })}>
          {view === "month" ? t("nextMonth") : t("nextWeek")}
        </Link>
        <h2 aria-live="polite">
          {view === "month"
            ? formats.month(month)
            : t("weekRange", { first: formats.day(first), last: formats.day(last) })}
        </h2>
      </nav>

      {planning.isPending ? <Loading>{t("loading")}</Loading> : null}
      {planning.error ? <ErrorBanner error={planning.error} /> : null}
      {planning.data ? (
        <p className="muted">
          {t("summary", { count: planning.data.items.length, overdue: overdueCount })}
          {planning.data.truncated ? ` ${t("truncated")}` : ""}
        </p>
      ) : null}
      <ol className="calendar" aria-label={t("days")}>
        {days.map((shown) => {
          const items = planning.data?.items.filter((item) => zonedDay(item.scheduledStart, timeZone) === shown) ?? [];
          const isToday = shown === today;
          const open = opened.has(shown);
          const hidden = items.length - DAY_ITEMS_SHOWN;
          return (
            <li
              key={shown}
              className={`day${view === "month" && shown.slice(0, 7) !== month ? " outside" : ""}${isToday ? " today" : ""}`}
              aria-label={isToday ? t("todayLabel", { day: formats.day(shown) }) : formats.day(shown)}
              aria-current={isToday ? "date" : undefined}
            >
              <strong>{formats.day(shown)}</strong>
              {isToday ? <span className="badge today-badge">{t("today")}</span> : null}
              {items.length > 0 ? (
                <ul id={`day-${shown}`}>
                  {(open ? items : items.slice(0, DAY_ITEMS_SHOWN)).map((item) => (
                    <li key={item.id}>
                      <Link href={`/interventions/${item.id}`}>
                        {t("numbered", { id: String(item.id), type: label("type", item.type) })}
                      </Link>{" "}
                      <span className={`badge status-${item.status}`}>{label("status", item.status)}</span>
                      {item.overdue ? <span className="badge overdue">{t("overdue")}</span> : null}
                      <div className="muted">{siteNames(item.siteIds)}</div>
                    </li>
                  ))}
                </ul>
              ) : null}
              {hidden > 0 ? (
                <button
                  type="button"
                  className="more"
                  aria-expanded={open}
                  aria-controls={`day-${shown}`}
                  onClick={() => toggle(shown)}
                >
                  {open ? t("fewer") : t("more", { count: hidden })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
