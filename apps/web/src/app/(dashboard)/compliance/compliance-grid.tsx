"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { Operation, RuleKind } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useFormats } from "../../../components/use-formats";
import { useSession } from "../../../components/use-session";
import { useLabels } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { complianceHref, readComplianceFilters, STATUS_ORDER } from "./compliance-filters";

type Obligation = RouterOutputs["compliance"]["overview"]["obligations"][number];

/** Every obligation of the organization: counts per status, then sites × rules, each cell in words. */
export function ComplianceGrid() {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const t = useTranslations("compliance");
  const label = useLabels();
  const filters = readComplianceFilters(params);
  const overview = useQuery(trpc.compliance.overview.queryOptions({ siteId: filters.siteId, ruleId: filters.ruleId }));
  if (overview.isPending) return <Loading>{t("loading")}</Loading>;
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
      <ul className="tabs" aria-label={t("byStatus")}>
        <li>
          <Link href={complianceHref({ ...filters, status: undefined })} aria-current={!filters.status}>
            {t("allCount", { count: obligations.length })}
          </Link>
        </li>
        {STATUS_ORDER.map((status) => (
          <li key={status}>
            <Link
              href={complianceHref({ ...filters, status })}
              aria-current={filters.status === status}
              className={`obligation-${status}`}
            >
              {t("statusCount", { status: label("obligation", status), count: counts[status] })}
            </Link>
          </li>
        ))}
      </ul>

      <form
        className="row filters"
        aria-label={t("filters")}
        key={params.toString()}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const id = (name: string) => (form.get(name) ? Number(form.get(name)) : undefined);
          router.push(complianceHref({ ...filters, siteId: id("siteId"), ruleId: id("ruleId") }));
        }}
      >
        <label className="field">
          <span>{t("site")}</span>
          <select name="siteId" defaultValue={filters.siteId ?? ""}>
            <option value="">{t("allSites")}</option>
            {allSites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("rule")}</span>
          <select name="ruleId" defaultValue={filters.ruleId ?? ""}>
            <option value="">{t("allRules")}</option>
            {allRules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("apply")}</button>
        <a
          className="button secondary"
          href={complianceHref(filters).replace("/compliance", "/compliance/export.csv")}
          download
        >
          {t("exportCsv")}
        </a>
      </form>

      {shown.length === 0 ? (
        <Empty>{t("empty")}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="records compliance-grid">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("site")}</th>
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
                    return <td key={rule.id}>{obligation ? <ObligationCell obligation={obligation} /> : null}</td>;
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
function ObligationCell({ obligation }: { obligation: Obligation }) {
  const { can } = useSession();
  const t = useTranslations("compliance");
  const label = useLabels();
  const { dateTime } = useFormats();
  const status = label("obligation", obligation.status);
  const due = obligation.dueAt ? t("dueOn", { date: dateTime(obligation.dueAt) }) : t("neverCheckedLower");
  const last = obligation.lastDoneAt
    ? obligation.pendingVerification
      ? t("lastDonePending", { date: dateTime(obligation.lastDoneAt) })
      : t("lastDone", { date: dateTime(obligation.lastDoneAt) })
    : null;
  const next = obligation.nextIntervention
    ? t("nextCheckOn", { date: dateTime(obligation.nextIntervention.scheduledStart) })
    : t("nothingPlanned");
  const summary = [t("cellTitle", { rule: obligation.ruleName, site: obligation.siteName, status }), due, last, next]
    .filter(Boolean)
    .join(", ");
  return (
    <div className={`obligation obligation-${obligation.status}`} title={summary}>
      <strong>{status}</strong>
      <div className="muted">{obligation.dueAt ? dateTime(obligation.dueAt) : t("neverChecked")}</div>
      {obligation.nextIntervention ? (
        <Link
          href={`/interventions/${obligation.nextIntervention.id}`}
          aria-label={t("openNextCheckLabel", { summary })}
        >
          {t("nextCheck")}
        </Link>
      ) : can(Operation.planPreventive) && obligation.ruleKind === RuleKind.check ? (
        <Link
          href={`/compliance/plan?siteRuleId=${obligation.siteRuleId}`}
          aria-label={t("planCheckLabel", { summary })}
        >
          {t("planCheck")}
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
