"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { InterventionType, isOverdue, Operation, stateAllows } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorBanner, Loading } from "../../../../components/states";
import { useSession } from "../../../../components/use-session";
import { formatDateTime } from "../../../../lib/dates";
import {
  ANOMALY_STATUS_LABELS,
  CREATION_STATUS_LABELS,
  FIELD_LABELS,
  HISTORY_LABELS,
  label,
  SEVERITY_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
} from "../../../../lib/labels";
import { useTRPC } from "../../../../lib/trpc";

type Intervention = RouterOutputs["interventions"]["get"];

import { ExerciseForm } from "./exercise-form";
import { PreventiveForm } from "./preventive-form";
import { VerifyForm } from "./verify-form";

export function InterventionDetail({ interventionId, initial }: { interventionId: number; initial: Intervention }) {
  const trpc = useTRPC();
  const { timeZone, can } = useSession();
  // The page read it on the server; the query takes over from there (refetched after each change).
  const query = useQuery(trpc.interventions.get.queryOptions({ interventionId }, { initialData: initial }));
  const options = useQuery(trpc.session.options.queryOptions());
  if (query.isPending) return <Loading what="the intervention" />;
  if (query.error) return <ErrorBanner error={query.error} />;

  const { intervention, sites, siteRules, anomalies, rule, company, assignedContact, history, signatureUrl } =
    query.data;
  const status = intervention.status;
  const assignedProfile = options.data?.profiles.find((profile) => profile.id === intervention.assignedProfileId);
  const verifier = options.data?.profiles.find((profile) => profile.id === intervention.verifiedById);
  const nameOfProfile = (profileId: unknown) => {
    const profile = options.data?.profiles.find((candidate) => candidate.id === profileId);
    return profile ? `${profile.firstName} ${profile.lastName}` : String(profileId ?? "—");
  };
  const describeValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return "—";
    if (field === "status") return label(STATUS_LABELS, Number(value));
    if (field === "creationStatus") return label(CREATION_STATUS_LABELS, Number(value));
    if (field === "assignedProfileId" || field === "verifiedByProfileId") return nameOfProfile(value);
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, timeZone);
    if (Array.isArray(value)) return value.join(", ");
    return String(value);
  };

  const canEditPreventive =
    intervention.type === InterventionType.preventive &&
    can(Operation.updatePreventive) &&
    stateAllows(status, Operation.updatePreventive);
  const canEditExercise =
    intervention.type === InterventionType.trainingExercise &&
    can(Operation.updateTrainingExercise) &&
    stateAllows(status, Operation.updateTrainingExercise);
  const canVerify = can(Operation.verify) && stateAllows(status, Operation.verify);

  return (
    <>
      <p>
        <Link href="/interventions">← All interventions</Link>
      </p>
      <h1>
        {label(TYPE_LABELS, intervention.type)} #{intervention.id}{" "}
        <span className={`badge status-${status}`}>{label(STATUS_LABELS, status)}</span>{" "}
        {isOverdue(status, new Date(intervention.scheduledEnd), new Date()) ? (
          <span className="badge overdue">Overdue</span>
        ) : null}
      </h1>

      <div className="grid">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Details</h2>
          <dl className="facts">
            <dt>Description</dt>
            <dd>{intervention.description ?? "—"}</dd>
            <dt>Scheduled</dt>
            <dd>
              {formatDateTime(intervention.scheduledStart, timeZone)} →{" "}
              {formatDateTime(intervention.scheduledEnd, timeZone)}
            </dd>
            <dt>Done</dt>
            <dd>
              {intervention.actualStart
                ? `${formatDateTime(intervention.actualStart, timeZone)} → ${formatDateTime(intervention.actualEnd, timeZone)}`
                : "Not yet"}
            </dd>
            <dt>Creation status</dt>
            <dd>{label(CREATION_STATUS_LABELS, intervention.creationStatus)}</dd>
            {intervention.codePin !== null ? (
              <>
                <dt>Code PIN</dt>
                <dd>{intervention.codePin}</dd>
              </>
            ) : null}
            <dt>Assigned to</dt>
            <dd>
              {assignedProfile ? `${assignedProfile.firstName} ${assignedProfile.lastName}` : null}
              {assignedProfile && assignedContact ? " · " : null}
              {assignedContact
                ? `${assignedContact.firstName} ${assignedContact.lastName} (${assignedContact.email})`
                : null}
              {!assignedProfile && !assignedContact ? "Nobody yet" : null}
            </dd>
            {company ? (
              <>
                <dt>Provider company</dt>
                <dd>{company.name}</dd>
              </>
            ) : null}
            {rule ? (
              <>
                <dt>Rule</dt>
                <dd>
                  {rule.code} — {rule.name}
                </dd>
              </>
            ) : null}
            {intervention.attendeeCount !== null ? (
              <>
                <dt>Attendees</dt>
                <dd>{intervention.attendeeCount}</dd>
              </>
            ) : null}
            {intervention.verifiedAt ? (
              <>
                <dt>Verified</dt>
                <dd>
                  {formatDateTime(intervention.verifiedAt, timeZone)}
                  {verifier ? ` by ${verifier.firstName} ${verifier.lastName}` : ""}
                  {intervention.decisionComment ? ` — “${intervention.decisionComment}”` : ""}
                </dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="provider-heading">
          <h2 id="provider-heading">Provider’s report</h2>
          <dl className="facts">
            <dt>Technician</dt>
            <dd>
              {intervention.providerName ?? "—"}
              {intervention.providerEmail ? ` (${intervention.providerEmail})` : ""}
            </dd>
            <dt>Action taken</dt>
            <dd>{intervention.providerActionComment ?? "—"}</dd>
            <dt>Comments</dt>
            <dd>{intervention.providerGeneralComment ?? "—"}</dd>
          </dl>
          {signatureUrl ? (
            <figure>
              {/* biome-ignore lint/performance/noImgElement: a presigned S3 URL, not an asset Next could optimise. */}
              <img
                className="signature"
                src={signatureUrl}
                alt={`Signature of ${intervention.providerName ?? "the technician"}`}
              />
              <figcaption className="muted">Signature</figcaption>
            </figure>
          ) : (
            <p className="muted">No signature.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="scope-heading">
        <h2 id="scope-heading">Sites and scope</h2>
        <ul>
          {sites.map((site) => (
            <li key={site.id}>
              <Link href={`/sites/${site.id}`}>{site.name}</Link> <span className="muted">({site.city})</span>
            </li>
          ))}
        </ul>
        {siteRules.length > 0 ? (
          <>
            <h3>Site rules checked</h3>
            <ul>
              {siteRules.map((siteRule) => (
                <li key={siteRule.id}>
                  {siteRule.ruleCode} — {siteRule.ruleName} <span className="muted">at {siteRule.siteName}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {anomalies.length > 0 ? (
          <>
            <h3>Anomalies to repair</h3>
            <ul>
              {anomalies.map((anomaly) => (
                <li key={anomaly.id}>
                  {anomaly.description}{" "}
                  <span className="muted">
                    ({label(SEVERITY_LABELS, anomaly.severity)}, {label(ANOMALY_STATUS_LABELS, anomaly.status)})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {canEditPreventive ? <PreventiveForm data={query.data} /> : null}
      {canEditExercise ? <ExerciseForm data={query.data} /> : null}
      {canVerify ? <VerifyForm interventionId={intervention.id} /> : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ol className="timeline">
          {history.map((event) => (
            <li key={event.id}>
              <strong>{HISTORY_LABELS[event.action] ?? event.action}</strong>{" "}
              <span className="muted">
                {formatDateTime(event.occurredAt, timeZone)}
                {event.actorName ? ` by ${event.actorName}` : ""}
              </span>
              {Object.keys(event.changes ?? {}).length > 0 ? (
                <ul>
                  {Object.entries(event.changes as Record<string, { from: unknown; to: unknown }>).map(
                    ([field, change]) => (
                      <li key={field}>
                        {FIELD_LABELS[field] ?? field}: {describeValue(field, change.from)} →{" "}
                        {describeValue(field, change.to)}
                      </li>
                    ),
                  )}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
