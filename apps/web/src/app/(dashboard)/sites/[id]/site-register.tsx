"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { PrintButton } from "../../../../components/print-button";
import { Empty, ErrorBanner, Loading } from "../../../../components/states";
import { useFormats } from "../../../../components/use-formats";
import { Operation, useSession } from "../../../../components/use-session";
import { useLabels } from "../../../../lib/labels";
import { useTRPC } from "../../../../lib/trpc";

/** What a safety register shows for one site: each rule, when it was last checked and when it will be next. */
export function SiteRegister({ siteId }: { siteId: number }) {
  const trpc = useTRPC();
  const { can } = useSession();
  const t = useTranslations("siteRegister");
  const label = useLabels();
  const { dateTime } = useFormats();
  const register = useQuery(trpc.sites.register.queryOptions({ siteId }));
  if (register.isPending) return <Loading>{t("loading")}</Loading>;
  if (register.error) return <ErrorBanner error={register.error} />;
  const { site, rules, openAnomalies } = register.data;
  // A provider's technician is not told where the client's obligations stand.
  const showsStatus = can(Operation.readCompliance);
  return (
    <>
      <p className="no-print">
        <Link href="/sites">{t("back")}</Link>
      </p>
      <h1>{site.name}</h1>
      <p className="muted">
        {site.address}, {site.postalCode} {site.city}
      </p>
      <p className="row no-print">
        <Link href={`/interventions?siteId=${site.id}`}>{t("itsInterventions")}</Link> ·{" "}
        <Link href={`/planning?siteId=${site.id}`}>{t("itsPlanning")}</Link>
        <PrintButton>{t("print")}</PrintButton>
      </p>

      <h2>{t("rules")}</h2>
      {rules.length === 0 ? (
        <Empty>{t("noRule")}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="records">
            <caption className="visually-hidden">{t("caption", { site: site.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rule")}</th>
                <th scope="col">{t("every")}</th>
                {showsStatus ? <th scope="col">{t("status")}</th> : null}
                <th scope="col">{t("lastDone")}</th>
                <th scope="col">{t("next")}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.siteRuleId}>
                  <td>
                    {rule.code} — {rule.name}
                    <div className="muted">{label("ruleKind", rule.kind)}</div>
                  </td>
                  <td>{t("months", { count: rule.periodicityMonths })}</td>
                  {showsStatus ? (
                    <td>
                      {rule.obligation ? (
                        <>
                          <span className={`badge obligation-${rule.obligation.status}`}>
                            {label("obligation", rule.obligation.status)}
                          </span>
                          <div className="muted">
                            {rule.obligation.dueAt
                              ? t("due", { date: dateTime(rule.obligation.dueAt) })
                              : t("neverChecked")}
                          </div>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  ) : null}
                  <td>
                    {rule.last ? (
                      <Link href={`/interventions/${rule.last.id}`}>
                        {dateTime(rule.last.doneAt)} ({label("status", rule.last.status)})
                      </Link>
                    ) : (
                      <span className="muted">{t("never")}</span>
                    )}
                  </td>
                  <td>
                    {rule.next ? (
                      <>
                        <Link href={`/interventions/${rule.next.id}`}>
                          {dateTime(rule.next.scheduledStart)} ({label("status", rule.next.status)})
                        </Link>
                        {rule.next.overdue ? <span className="badge overdue">{t("overdue")}</span> : null}
                      </>
                    ) : (
                      <span className="muted">
                        {/* Nothing planned yet: when it falls due, from the compliance engine (its status column). */}
                        {rule.obligation?.dueAt
                          ? t("nothingPlannedDue", { date: dateTime(rule.obligation.dueAt) })
                          : t("nothingPlanned")}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("openAnomalies")}</h2>
      {openAnomalies.length === 0 ? (
        <Empty>{t("noAnomaly")}</Empty>
      ) : (
        <ul>
          {openAnomalies.map((anomaly) => (
            <li key={anomaly.id}>
              {anomaly.description}{" "}
              <span className="muted">
                {t("anomalyFacts", {
                  severity: label("severity", anomaly.severity),
                  date: dateTime(anomaly.detectedAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {openAnomalies.length > 0 ? <Link href="/anomalies">{t("planRepair")}</Link> : null}
    </>
  );
}
