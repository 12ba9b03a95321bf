"use client";

import { InterventionStatus, InterventionType, isOverdue } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useSession } from "../../../components/use-session";
import { formatDateTime } from "../../../lib/dates";
import { label, STATUS_LABELS, TYPE_LABELS } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { readUrlFilters, toListInput, toQueryFilters, toSearch, type UrlFilters } from "./list-filters";

export function InterventionList() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const { timeZone } = useSession();
  const filters = readUrlFilters(params);
  const options = useQuery(trpc.session.options.queryOptions());
  const list = useQuery(trpc.interventions.list.queryOptions(toListInput(filters, timeZone)));
  const counts = useQuery(trpc.interventions.countByStatus.queryOptions(toQueryFilters(filters, timeZone)));

  const assigneeName = (item: { assignedProfileId: number | null; assignedCompanyContactId: number | null }) => {
    const profile = options.data?.profiles.find((candidate) => candidate.id === item.assignedProfileId);
    if (profile) return `${profile.firstName} ${profile.lastName}`;
    const contact = options.data?.contacts.find((candidate) => candidate.id === item.assignedCompanyContactId);
    return contact ? `${contact.firstName} ${contact.lastName} (${contact.companyName})` : "Unassigned";
  };
  const total = counts.data?.reduce((sum, row) => sum + row.count, 0);
  const now = new Date();

  return (
    <>
      <FilterForm filters={filters} options={options.data} />

      <nav aria-label="Count per status">
        <ul className="tabs">
          <li>
            <Link
              href={`/interventions${toSearch({ ...filters, status: "", cursor: "" })}`}
              aria-current={filters.status === ""}
            >
              All {total === undefined ? "" : `(${total})`}
            </Link>
          </li>
          {Object.values(InterventionStatus).map((status) => {
            const count = counts.data?.find((row) => row.status === status)?.count ?? 0;
            return (
              <li key={status}>
                <Link
                  href={`/interventions${toSearch({ ...filters, status: String(status), cursor: "" })}`}
                  aria-current={filters.status === String(status)}
                >
                  {label(STATUS_LABELS, status)} ({counts.data ? count : "…"})
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {list.isPending ? <Loading what="interventions" /> : null}
      {list.error ? <ErrorBanner error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Empty>
          No intervention matches these filters. <Link href="/interventions">Clear the filters</Link>
        </Empty>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="records">
            <caption className="visually-hidden">Interventions, by scheduled date</caption>
            <thead>
              <tr>
                <th scope="col">Scheduled</th>
                <th scope="col">Intervention</th>
                <th scope="col">Status</th>
                <th scope="col">Assignee</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    {formatDateTime(item.scheduledStart, timeZone)}
                    <br />
                    <span className="muted">to {formatDateTime(item.scheduledEnd, timeZone)}</span>
                  </td>
                  <td>
                    <Link href={`/interventions/${item.id}`}>
                      #{item.id} {label(TYPE_LABELS, item.type)}
                    </Link>
                    {item.description ? <div className="muted">{item.description}</div> : null}
                  </td>
                  <td>
                    <span className={`badge status-${item.status}`}>{label(STATUS_LABELS, item.status)}</span>{" "}
                    {isOverdue(item.status, new Date(item.scheduledEnd), now) ? (
                      <span className="badge overdue">Overdue</span>
                    ) : null}
                  </td>
                  <td>{assigneeName(item)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <nav aria-label="Pages" className="row">
        {filters.cursor ? (
          <Link className="button secondary" href={`/interventions${toSearch({ ...filters, cursor: "" })}`}>
            ← First page
          </Link>
        ) : null}
        {list.data?.nextCursor ? (
          <Link
            className="button secondary"
            href={`/interventions${toSearch({ ...filters, cursor: list.data.nextCursor })}`}
          >
            Next page →
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
function FilterForm({ filters, options }: { filters: UrlFilters; options: Options | undefined }) {
  const router = useRouter();
  return (
    <form
      method="get"
      action="/interventions"
      className="card row"
      aria-label="Filters"
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
      <label className="field">
        <span>Type</span>
        <select name="type" defaultValue={filters.type}>
          <option value="">All types</option>
          {Object.values(InterventionType).map((type) => (
            <option key={type} value={type}>
              {label(TYPE_LABELS, type)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Status</span>
        <select name="status" defaultValue={filters.status}>
          <option value="">All statuses</option>
          {Object.values(InterventionStatus).map((status) => (
            <option key={status} value={status}>
              {label(STATUS_LABELS, status)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Site</span>
        <select name="siteId" defaultValue={filters.siteId}>
          <option value="">All sites</option>
          {options?.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Assignee</span>
        <select name="assignee" defaultValue={filters.assignee}>
          <option value="">Anyone</option>
          <optgroup label="Users">
            {options?.profiles.map((profile) => (
              <option key={`p${profile.id}`} value={`p${profile.id}`}>
                {profile.firstName} {profile.lastName}
              </option>
            ))}
          </optgroup>
          <optgroup label="Provider contacts">
            {options?.contacts.map((contact) => (
              <option key={`c${contact.id}`} value={`c${contact.id}`}>
                {contact.firstName} {contact.lastName} ({contact.companyName})
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="field">
        <span>From</span>
        <input type="date" name="from" defaultValue={filters.from} />
      </label>
      <label className="field">
        <span>To</span>
        <input type="date" name="to" defaultValue={filters.to} />
      </label>
      <label className="field">
        <span>Order</span>
        <select name="order" defaultValue={filters.order}>
          <option value="asc">Earliest first</option>
          <option value="desc">Latest first</option>
        </select>
      </label>
      <button type="submit">Apply</button>
      <Link href="/interventions" className="button secondary">
        Clear
      </Link>
    </form>
  );
}
