"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Empty, ErrorBanner, Loading } from "../../../../components/states";
import { Operation, useSession } from "../../../../components/use-session";
import { formatDateTime } from "../../../../lib/dates";
import { label, OBLIGATION_LABELS, RULE_KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "../../../../lib/labels";
import { useTRPC } from "../../../../lib/trpc";

/** What a safety register shows for one site: each rule, when it was last checked and when it will be next. */
export function SiteRegister({ siteId }: { siteId: number }) {
  const trpc = useTRPC();
  const { timeZone, can } = useSession();
  const register = useQuery(trpc.sites.register.queryOptions({ siteId }));
  if (register.isPending) return <Loading what="the site" />;
  if (register.error) return <ErrorBanner error={register.error} />;
  const { site, rules, openAnomalies } = register.data;
  // A provider's technician is not told where the client's obligations stand.
  const showsStatus = can(Operation.readCompliance);
  return (
    <>
      <p>
        <Link href="/sites">← All sites</Link>
      </p>
      <h1>{site.name}</h1>
      <p className="muted">
        {site.address}, {site.postalCode} {site.city}
      </p>
      <p>
        <Link href={`/interventions?siteId=${site.id}`}>Its interventions</Link> ·{" "}
        <Link href={`/planning?siteId=${site.id}`}>Its planning</Link>
      </p>

      <h2>Rules</h2>
      {rules.length === 0 ? (
        <Empty>No rule applies to this site.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="records">
            <caption className="visually-hidden">
              Rules of {site.name}, where each stands, with their last and next interventions
            </caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Every</th>
                {showsStatus ? <th scope="col">Status</th> : null}
                <th scope="col">Last done</th>
                <th scope="col">Next</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.siteRuleId}>
                  <td>
                    {rule.code} — {rule.name}
                    <div className="muted">{label(RULE_KIND_LABELS, rule.kind)}</div>
                  </td>
                  <td>
                    {rule.periodicityMonths} month{rule.periodicityMonths === 1 ? "" : "s"}
                  </td>
                  {showsStatus ? (
                    <td>
                      {rule.obligation ? (
                        <>
                          <span className={`badge obligation-${rule.obligation.status}`}>
                            {OBLIGATION_LABELS[rule.obligation.status]}
                          </span>
                          <div className="muted">
                            {rule.obligation.dueAt
                              ? `Due ${formatDateTime(rule.obligation.dueAt, timeZone)}`
                              : "Never checked"}
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
                        {formatDateTime(rule.last.doneAt, timeZone)} ({label(STATUS_LABELS, rule.last.status)})
                      </Link>
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  <td>
                    {rule.next ? (
                      <>
                        <Link href={`/interventions/${rule.next.id}`}>
                          {formatDateTime(rule.next.scheduledStart, timeZone)} ({label(STATUS_LABELS, rule.next.status)}
                          )
                        </Link>
                        {rule.next.overdue ? <span className="badge overdue">Overdue</span> : null}
                      </>
                    ) : (
                      <span className="muted">Nothing planned</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Open anomalies</h2>
      {openAnomalies.length === 0 ? (
        <Empty>No open anomaly on this site.</Empty>
      ) : (
        <ul>
          {openAnomalies.map((anomaly) => (
            <li key={anomaly.id}>
              {anomaly.description}{" "}
              <span className="muted">
                ({label(SEVERITY_LABELS, anomaly.severity)}, found {formatDateTime(anomaly.detectedAt, timeZone)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {openAnomalies.length > 0 ? <Link href="/anomalies">Plan their repair</Link> : null}
    </>
  );
}
