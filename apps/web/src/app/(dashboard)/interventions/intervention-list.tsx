"use client";

import { InterventionStatus, InterventionType, isOverdue } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DateInput } from "../../../components/date-input";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useFormats } from "../../../components/use-formats";
import { useLabels } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { BulkActions, SelectPageCell, SelectRowCell, useBulkSelection } from "./bulk-actions";
import {
  activeFilterCount,
  readUrlFilters,
  statusWord,
  toListInput,
  toQueryFilters,
  toSearch,
  typeWord,
  type UrlFilters,
} from "./list-filters";
import { SearchBox } from "./search-box";

export function InterventionList() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const t = useTranslations("list");
  const label = useLabels();
  const { timeZone, dateTime } = useFormats();
  const filters = readUrlFilters(params);
  const options = useQuery(trpc.session.options.queryOptions());
  const list = useQuery(trpc.interventions.list.queryOptions(toListInput(filters, timeZone)));
  const counts = useQuery(trpc.interventions.countByStatus.queryOptions(toQueryFilters(filters, timeZone)));

  const assigneeName = (item: { assignedProfileId: number | null; assignedCompanyContactId: number | null }) => {
    const profile = options.data?.profiles.find((candidate) => candidate.id === item.assignedProfileId);
    if (profile) return `${profile.firstName} ${profile.lastName}`;
    const contact = options.data?.contacts.find((candidate) => candidate.id === item.assignedCompanyContactId);
    return contact ? `${contact.firstName} ${contact.lastName} (${contact.companyName})` : t("unassigned");
  };
  const bulk = useBulkSelection(list.data?.items ?? []);
  const total = counts.data?.reduce((sum, row) => sum + row.count, 0);
  const now = new Date();
  // On a phone the filters fold behind a button, so that the first screen shows interventions.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = activeFilterCount(filters);

  return (
    <>
      <div className="row list-tools">
        <SearchBox filters={filters} />
        <button
          type="button"
          className="secondary filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls="list-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          {active > 0 ? t("filtersCount", { count: active }) : t("filters")}
        </button>
        <a
          className="button secondary"
          href={`/interventions/export.csv${toSearch({ ...filters, cursor: "" })}`}
          download
        >
          {t("exportCsv")}
        </a>
      </div>
      <FilterForm filters={filters} options={options.data} folded={!filtersOpen} />

      <nav aria-label={t("countPerStatus")}>
        <ul className="tabs">
          <li>
            <Link
              href={`/interventions${toSearch({ ...filters, status: "", cursor: "" })}`}
              aria-current={filters.status === ""}
            >
              {total === undefined ? t("all") : t("allCount", { count: total })}
            </Link>
          </li>
          {Object.values(InterventionStatus).map((status) => {
            const count = counts.data?.find((row) => row.status === status)?.count ?? 0;
            return (
              <li key={status}>
                <Link
                  href={`/interventions${toSearch({ ...filters, status: statusWord(status), cursor: "" })}`}
                  aria-current={filters.status === statusWord(status)}
                >
                  {counts.data
                    ? t("statusCount", { status: label("status", status), count })
                    : t("statusCounting", { status: label("status", status) })}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {list.isPending ? <Loading>{t("loading")}</Loading> : null}
      {list.error ? <ErrorBanner error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Empty>
          {t("empty")} <Link href="/interventions">{t("clearFilters")}</Link>
        </Empty>
      ) : null}
      {list.data && list.data.items.length > 0 ? <BulkActions bulk={bulk} /> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="records cards">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                {bulk.enabled ? <SelectPageCell bulk={bulk} /> : null}
                <th scope="col">{t("scheduled")}</th>
                <th scope="col">{t("intervention")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("assignee")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id}>
                  {bulk.enabled ? (
                    <SelectRowCell
                      bulk={bulk}
                      id={item.id}
                      name={t("numbered", { id: String(item.id), type: label("type", item.type) })}
                    />
                  ) : null}
                  <td>
                    {dateTime(item.scheduledStart)}
                    <br />
                    <span className="muted">{t("until", { end: dateTime(item.scheduledEnd) })}</span>
                  </td>
                  <td>
                    <Link href={`/interventions/${item.id}`}>
                      {t("numbered", { id: String(item.id), type: label("type", item.type) })}
                    </Link>
                    {item.description ? <div className="muted">{item.description}</div> : null}
                  </td>
                  <td>
                    <span className={`badge status-${item.status}`}>{label("status", item.status)}</span>{" "}
                    {isOverdue(item.status, new Date(item.scheduledEnd), now) ? (
                      <span className="badge overdue">{t("overdue")}</span>
                    ) : null}
                  </td>
                  <td>{assigneeName(item)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <nav aria-label={t("pages")} className="row">
        {filters.cursor ? (
          <Link className="button secondary" href={`/interventions${toSearch({ ...filters, cursor: "" })}`}>
            {t("firstPage")}
          </Link>
        ) : null}
        {list.data?.nextCursor ? (
          <Link
            className="button secondary"
            href={`/interventions${toSearch({ ...filters, cursor: list.data.nextCursor })}`}
          >
            {t("nextPage")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

type Options = {
  sites: { id: number; name: string }[];
  profiles: { id: number; firstName: string; lastName: string }[];
  contacts: { id: number; firstName: string; lastName: string; companyName: string }[];
};

/** A plain GET form: the filters land in the address, so a link can be shared (it works without script too). */
function FilterForm({
  filters,
  options,
  folded,
}: {
  filters: UrlFilters;
  options: Options | undefined;
  folded: boolean;
}) {
  const router = useRouter();
  const t = useTranslations("list");
  const label = useLabels();
  const dateId = useId();
  return (
    <form
      method="get"
      action="/interventions"
      id="list-filters"
      className={`card row${folded ? " folded" : ""}`}
      aria-label={t("filters")}
      // Drawn again once the options arrive: a select's defaultValue only applies to options present then.
      key={`${toSearch(filters)}|${options ? "ready" : "loading"}`}
      onSubmit={(event) => {
        // Without the empty fields, so that the shared address says only what is filtered.
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        router.push(
          `/interventions${toSearch(readUrlFilters(new URLSearchParams(Array.from(form, ([name, value]) => [name, String(value)]))))}`,
        );
      }}
    >
      {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
      <label className="field">
        <span>{t("type")}</span>
        <select name="type" defaultValue={filters.type}>
          <option value="">{t("allTypes")}</option>
          {Object.values(InterventionType).map((type) => (
            <option key={type} value={typeWord(type)}>
              {label("type", type)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("status")}</span>
        <select name="status" defaultValue={filters.status}>
          <option value="">{t("allStatuses")}</option>
          {Object.values(InterventionStatus).map((status) => (
            <option key={status} value={statusWord(status)}>
              {label("status", status)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("site")}</span>
        <select name="siteId" defaultValue={filters.siteId}>
          <option value="">{t("allSites")}</option>
          {options?.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("assignee")}</span>
        <select name="assignee" defaultValue={filters.assignee}>
          <option value="">{t("anyone")}</option>
          <option value="none">{t("nobody")}</option>
          <optgroup label={t("users")}>
            {options?.profiles.map((profile) => (
              <option key={`p${profile.id}`} value={`p${profile.id}`}>
                {profile.firstName} {profile.lastName}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("providerContacts")}>
            {options?.contacts.map((contact) => (
              <option key={`c${contact.id}`} value={`c${contact.id}`}>
                {contact.firstName} {contact.lastName} ({contact.companyName})
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <div className="field">
        <label htmlFor={`${dateId}-from`}>
          <span>{t("from")}</span>
        </label>
        <DateInput id={`${dateId}-from`} kind="date" name="from" defaultValue={filters.from} />
      </div>
      <div className="field">
        <label htmlFor={`${dateId}-to`}>
          <span>{t("to")}</span>
        </label>
        <DateInput id={`${dateId}-to`} kind="date" name="to" defaultValue={filters.to} />
      </div>
      <label className="field">
        <span>{t("order")}</span>
        <select name="order" defaultValue={filters.order}>
          <option value="asc">{t("earliestFirst")}</option>
          <option value="desc">{t("latestFirst")}</option>
        </select>
      </label>
      <button type="submit">{t("apply")}</button>
      <Link href="/interventions" className="button secondary">
        {t("clear")}
      </Link>
    </form>
  );
}
