"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { InterventionType, isOverdue, Operation, stateAllows } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ErrorBanner, Loading } from "../../../../components/states";
import { useFormats } from "../../../../components/use-formats";
import { useSession } from "../../../../components/use-session";
import { useLabels } from "../../../../lib/labels";
import { useTRPC } from "../../../../lib/trpc";
import { ExerciseForm } from "./exercise-form";
import { InterventionHistory } from "./intervention-history";
import { NextStep } from "./next-step";
import { PreventiveForm } from "./preventive-form";
import { VerifyForm } from "./verify-form";

type Intervention = RouterOutputs["interventions"]["get"];

export function InterventionDetail({ interventionId, initial }: { interventionId: number; initial: Intervention }) {
  const trpc = useTRPC();
  const t = useTranslations("detail");
  const label = useLabels();
  const { dateTime } = useFormats();
  const { can } = useSession();
  // The page read it on the server; the query takes over from there (refetched after each change).
  const query = useQuery(trpc.interventions.get.queryOptions({ interventionId }, { initialData: initial }));
  const options = useQuery(trpc.session.options.queryOptions());
  if (query.isPending) return <Loading>{t("loading")}</Loading>;
  if (query.error) return <ErrorBanner error={query.error} />;

  const { intervention, sites, siteRules, anomalies, rule, company, assignedContact, history, signatureUrl } =
    query.data;
  const status = intervention.status;
  const assignedProfile = options.data?.profiles.find((profile) => profile.id === intervention.assignedProfileId);
  const verifier = options.data?.profiles.find((profile) => profile.id === intervention.verifiedById);

  const canEditPreventive =
    intervention.type === InterventionType.preventive &&
    can(Operation.updatePreventive) &&
    stateAllows(status, Operation.updatePreventive);
  const canEditExercise =
    intervention.type === InterventionType.trainingExercise &&
    can(Operation.updateTrainingExercise) &&
    stateAllows(status, Operation.updateTrainingExercise);
  const canVerify = can(Operation.verify) && stateAllows(status, Operation.verify);
  const verifiedBy = verifier ? `${verifier.firstName} ${verifier.lastName}` : null;

  return (
    <>
      <p>
        <Link href="/interventions">{t("back")}</Link>
      </p>
      <h1>
        {t("heading", { type: label("type", intervention.type), id: String(intervention.id) })}{" "}
        <span className={`badge status-${status}`}>{label("status", status)}</span>{" "}
        {isOverdue(status, new Date(intervention.scheduledEnd), new Date()) ? (
          <span className="badge overdue">{t("overdue")}</span>
        ) : null}
      </h1>

      <div className="grid">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t("details")}</h2>
          <dl className="facts">
            <dt>{t("description")}</dt>
            <dd>{intervention.description ?? "—"}</dd>
            <dt>{t("scheduled")}</dt>
            <dd>
              {dateTime(intervention.scheduledStart)} → {dateTime(intervention.scheduledEnd)}
            </dd>
            <dt>{t("done")}</dt>
            <dd>
              {intervention.actualStart
                ? `${dateTime(intervention.actualStart)} → ${dateTime(intervention.actualEnd)}`
                : t("notYet")}
            </dd>
            <dt>{t("creationStatus")}</dt>
            <dd>{label("creationStatus", intervention.creationStatus)}</dd>
            {intervention.codePin !== null ? (
              <>
                <dt>{t("codePin")}</dt>
                <dd>{intervention.codePin}</dd>
              </>
            ) : null}
            <dt>{t("assignedTo")}</dt>
            <dd>
              {assignedProfile ? `${assignedProfile.firstName} ${assignedProfile.lastName}` : null}
              {assignedProfile && assignedContact ? " · " : null}
              {assignedContact
                ? `${assignedContact.firstName} ${assignedContact.lastName} (${assignedContact.email})`
                : null}
              {!assignedProfile && !assignedContact ? t("nobodyYet") : null}
            </dd>
            {company ? (
              <>
                <dt>{t("providerCompany")}</dt>
                <dd>{company.name}</dd>
              </>
            ) : null}
            {rule ? (
              <>
                <dt>{t("rule")}</dt>
                <dd>
                  {rule.code} — {rule.name}
                </dd>
              </>
            ) : null}
            {intervention.attendeeCount !== null ? (
              <>
                <dt>{t("attendees")}</dt>
                <dd>{intervention.attendeeCount}</dd>
              </>
            ) : null}
            {intervention.verifiedAt ? (
              <>
                <dt>{t("verified")}</dt>
                <dd>
                  {dateTime(intervention.verifiedAt)}
                  {verifiedBy ? ` ${t("verifiedBy", { name: verifiedBy })}` : ""}
                  {intervention.decisionComment ? ` — “${intervention.decisionComment}”` : ""}
                </dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="provider-heading">
          <h2 id="provider-heading">{t("providerReport")}</h2>
          <dl className="facts">
            <dt>{t("technician")}</dt>
            <dd>
              {intervention.providerName ?? "—"}
              {intervention.providerEmail ? ` (${intervention.providerEmail})` : ""}
            </dd>
            <dt>{t("actionTaken")}</dt>
            <dd>{intervention.providerActionComment ?? "—"}</dd>
            <dt>{t("comments")}</dt>
            <dd>{intervention.providerGeneralComment ?? "—"}</dd>
          </dl>
          {signatureUrl ? (
            <figure>
              {/* biome-ignore lint/performance/noImgElement: a presigned S3 URL, not an asset Next could optimise. */}
              <img
                className="signature"
                src={signatureUrl}
                alt={
                  intervention.providerName
                    ? t("signatureOf", { name: intervention.providerName })
                    : t("signatureOfTechnician")
                }
              />
              <figcaption className="muted">{t("signature")}</figcaption>
            </figure>
          ) : (
            <p className="muted">{t("noSignature")}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="scope-heading">
        <h2 id="scope-heading">{t("scope")}</h2>
        <ul>
          {sites.map((site) => (
            <li key={site.id}>
              <Link href={`/sites/${site.id}`}>{site.name}</Link> <span className="muted">({site.city})</span>
            </li>
          ))}
        </ul>
        {siteRules.length > 0 ? (
          <>
            <h3>{t("siteRulesChecked")}</h3>
            <ul>
              {siteRules.map((siteRule) => (
                <li key={siteRule.id}>
                  {siteRule.ruleCode} — {siteRule.ruleName}{" "}
                  <span className="muted">{t("atSite", { site: siteRule.siteName })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {anomalies.length > 0 ? (
          <>
            <h3>{t("anomaliesToRepair")}</h3>
            <ul>
              {anomalies.map((anomaly) => (
                <li key={anomaly.id}>
                  {anomaly.description}{" "}
                  <span className="muted">
                    ({label("severity", anomaly.severity)}, {label("anomalyStatus", anomaly.status)})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <NextStep data={query.data} />
      {canEditPreventive ? <PreventiveForm data={query.data} /> : null}
      {canEditExercise ? <ExerciseForm data={query.data} /> : null}
      {canVerify ? <VerifyForm interventionId={intervention.id} /> : null}

      <InterventionHistory history={history} names={query.data.historyNames} />
    </>
  );
}
