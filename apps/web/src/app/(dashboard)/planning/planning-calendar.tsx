"use client";

import { InterventionType, interventionTypeSchema } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ErrorBanner, Loading } from "../../../components/states";
import { useSession } from "../../../components/use-session";
import { addDays, formatDate, zonedDay, zonedDayStartIso } from "../../../lib/dates";
import { label, STATUS_LABELS, TYPE_LABELS } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { day } from "../interventions/list-filters";
import { type PlanningView, periodDays, shiftAnchor } from "./period";

export function PlanningCalendar() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const { timeZone } = useSession();
  const view: PlanningView = params.get("view") === "week" ? "week" : "month";
  const today = zonedDay(new Date(), timeZone);
  const anchor = day(params.get("date") ?? "") ?? today;
  const siteId = /^\d{1,15}$/.test(params.get("siteId") ?? "") ? Number(params.get("siteId")) : undefined;
  const type = interventionTypeSchema.safeParse(Number(params.get("type"))).data;
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
    siteIds.map((id) => options.data?.sites.find((site) => site.id === id)?.name ?? `Site ${id}`).join(", ");
  const month = anchor.slice(0, 7);
  const overdueCount = planning.data?.items.filter((item) => item.overdue).length ?? 0;

  return (
    <>
      <form
        method="get"
        action="/planning"
        className="card row"
        aria-label="Planning options"
        key={`${params.toString()}|${options.data ? "ready" : "loading"}`}
      >
        <input type="hidden" name="date" value={anchor} />
        <label className="field">
          <span>View</span>
          <select name="view" defaultValue={view}>
            <option value="month">Month</option>
            <option value="week">Week</option>
          </select>
        </label>
        <label className="field">
          <span>Site</span>
          <select name="siteId" defaultValue={siteId ?? ""}>
            <option value="">All sites</option>
            {options.data?.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Type</span>
          <select name="type" defaultValue={type ?? ""}>
            <option value="">All types</option>
            {Object.values(InterventionType).map((value) => (
              <option key={value} value={value}>
                {label(TYPE_LABELS, value)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>

      <nav aria-label="Period" className="row">
        <Link className="button secondary" href={href({ date: shiftAnchor(view, anchor, -1) })}>
          ← Previous {view}
        </Link>
        <Link className="button secondary" href={href({ date: today })}>
          Today
        </Link>
        <Link className="button secondary" href={href({ date: shiftAnchor(view, anchor, 1) })}>
          Next {view} →
        </Link>
        <h2 aria-live="polite">
          {view === "month"
            ? new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
                new Date(`${month}-15T12:00:00Z`),
              )
            : `${formatDate(`${first}T12:00:00Z`, "UTC")} – ${formatDate(`${last}T12:00:00Z`, "UTC")}`}
        </h2>
      </nav>

      {planning.isPending ? <Loading what="the planning" /> : null}
      {planning.error ? <ErrorBanner error={planning.error} /> : null}
      {planning.data ? (
        <p className="muted">
          {planning.data.items.length} intervention{planning.data.items.length === 1 ? "" : "s"} in this period
          {overdueCount > 0 ? `, ${overdueCount} overdue` : ""}.
          {planning.data.truncated ? " Only the first ones are shown: choose a site or a type." : ""}
        </p>
      ) : null}
      <ol className="calendar" aria-label="Days">
        {days.map((day) => {
          const items = planning.data?.items.filter((item) => zonedDay(item.scheduledStart, timeZone) === day) ?? [];
          return (
            <li
              key={day}
              className={`day${view === "month" && day.slice(0, 7) !== month ? " outside" : ""}`}
              aria-label={formatDate(`${day}T12:00:00Z`, "UTC")}
            >
              <strong>{formatDate(`${day}T12:00:00Z`, "UTC")}</strong>
              {items.length > 0 ? (
                <ul>
                  {items.map((item) => (
                    <li key={item.id}>
                      <Link href={`/interventions/${item.id}`}>
                        #{item.id} {label(TYPE_LABELS, item.type)}
                      </Link>{" "}
                      <span className={`badge status-${item.status}`}>{label(STATUS_LABELS, item.status)}</span>
                      {item.overdue ? <span className="badge overdue">Overdue</span> : null}
                      <div className="muted">{siteNames(item.siteIds)}</div>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
