"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { Operation, RuleKind } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useSession } from "../../../components/use-session";
import { formatDateTime } from "../../../lib/dates";
import { OBLIGATION_LABELS } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { complianceHref, readComplianceFilters, STATUS_ORDER } from "./compliance-filters";

type Obligation = RouterOutputs["compliance"]["overview"]["obligations"][number];

/** Every obligation of the organization: counts per status, then sites × rules, each cell in words. */
export function ComplianceGrid() {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const { timeZone } = useSession();
  const filters = readComplianceFilters(params);
  const overview = useQuery(trpc.compliance.overview.queryOptions({ siteId: filters.siteId, ruleId: filters.ruleId }));
  if (overview.isPending) return <Loading what="the compliance register" />;
  if (overview.error) return <ErrorBanner error={overview.error} />;

  const { counts, obligations } = overview.data;
  const shown = obligations.filter((obligation) => !filters.status || obligation.status === filters.status);
  const sites = uniqueBy(
    shown,
    (obligation) => obligation.siteId,
    (obligation) => obligation.siteName,
  );
  const rules = uniqueBy(
    shown,
    (obligation) => obligation.ruleId,
    (obligation) => `${obligation.ruleCode} — ${obligation.ruleName}`,
  );
  const cellOf = new Map(shown.map((obligation) => [`${obligation.siteId}:${obligation.ruleId}`, obligation]));
  const allSites = uniqueBy(
    obligations,
    (obligation) => obligation.siteId,
    (obligation) => obligation.siteName,
  );
  const allRules = uniqueBy(
    obligations,
    (obligation) => obligation.ruleId,
    (obligation) => `${obligation.ruleCode} — ${obligation.ruleName}`,
  );

  return (
    <>
      <ul className="tabs" aria-label="Obligations by status">
        <li>
          <Link href={complianceHref({ ...filters, status: undefined })} aria-current={!filters.status}>
            All ({obligations.length})
          </Link>
        </li>
        {STATUS_ORDER.map((status) => (
          <li key={status}>
            <Link
              href={complianceHref({ ...filters, status })}
              aria-current={filters.status === status}
              className={`obligation-${status}`}
            >
              {OBLIGATION_LABELS[status]} ({counts[status]})
            </Link>
          </li>
        ))}
      </ul>

      <form
        className="row filters"
        aria-label="Filters"
        key={params.toString()}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const id = (name: string) => (form.get(name) ? Number(form.get(name)) : undefined);
          router.push(complianceHref({ ...filters, siteId: id("siteId"), ruleId: id("ruleId") }));
        }}
      >
        <label className="field">
          <span>Site</span>
          <select name="siteId" defaultValue={filters.siteId ?? ""}>
            <option value="">All sites</option>
            {allSites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Rule</span>
          <select name="ruleId" defaultValue={filters.ruleId ?? ""}>
            <option value="">All rules</option>
            {allRules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>

      {shown.length === 0 ? (
        <Empty>No obligation matches these filters.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="records compliance-grid">
            <caption className="visually-hidden">Where each rule stands on each site</caption>
            <thead>
              <tr>
                <th scope="col">Site</th>
                {rules.map((rule) => (
                  <th scope="col" key={rule.id}>
                    {rule.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id}>
                  <th scope="row">
                    <Link href={`/sites/${site.id}`}>{site.name}</Link>
                  </th>
                  {rules.map((rule) => {
                    const obligation = cellOf.get(`${site.id}:${rule.id}`);
                    return (
                      <td key={rule.id}>
                        {obligation ? <ObligationCell obligation={obligation} timeZone={timeZone} /> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** One obligation in words and dates (colour only repeats them), leading to its next check or to planning one. */
function ObligationCell({ obligation, timeZone }: { obligation: Obligation; timeZone: string }) {
  const { can } = useSession();
  const status = OBLIGATION_LABELS[obligation.status];
  const due = obligation.dueAt ? `due ${formatDateTime(obligation.dueAt, timeZone)}` : "never checked";
  const last = obligation.lastDoneAt
    ? `last done ${formatDateTime(obligation.lastDoneAt, timeZone)}${obligation.pendingVerification ? " (awaiting verification)" : ""}`
    : null;
  const next = obligation.nextIntervention
    ? `next check ${formatDateTime(obligation.nextIntervention.scheduledStart, timeZone)}`
    : "nothing planned";
  const summary = [`${obligation.ruleName} at ${obligation.siteName}: ${status}`, due, last, next]
    .filter(Boolean)
    .join(", ");
  return (
    <div className={`obligation obligation-${obligation.status}`} title={summary}>
      <strong>{status}</strong>
      <div className="muted">{obligation.dueAt ? formatDateTime(obligation.dueAt, timeZone) : "Never checked"}</div>
      {obligation.nextIntervention ? (
        <Link href={`/interventions/${obligation.nextIntervention.id}`} aria-label={`${summary}. Open the next check`}>
          Next check
        </Link>
      ) : can(Operation.planPreventive) && obligation.ruleKind === RuleKind.check ? (
        <Link href={`/compliance/plan?siteRuleId=${obligation.siteRuleId}`} aria-label={`${summary}. Plan a check`}>
          Plan a check
        </Link>
      ) : (
        <span className="visually-hidden">{summary}</span>
      )}
    </div>
  );
}

function uniqueBy<T>(items: readonly T[], idOf: (item: T) => number, nameOf: (item: T) => string) {
  const byId = new Map<number, string>();
  for (const item of items) if (!byId.has(idOf(item))) byId.set(idOf(item), nameOf(item));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
