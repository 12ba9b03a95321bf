"use client";

import { AnomalyStatus, CreationStatus, createCurativeBody, Operation } from "@interventions/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { Field } from "../../../components/field";
import { FormFeedback } from "../../../components/form-feedback";
import { PlanningFields } from "../../../components/planning-fields";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useSession } from "../../../components/use-session";
import { formatDateTime, zonedInputToIso } from "../../../lib/dates";
import { fieldIssuesOf } from "../../../lib/errors";
import { type FieldErrors, focusFirstInvalid, validateWith } from "../../../lib/form-validation";
import { label, SEVERITY_LABELS } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { useRefreshAfterChange } from "../../../lib/use-refresh";

export function AnomaliesBoard() {
  const trpc = useTRPC();
  const { timeZone, can } = useSession();
  const anomalies = useQuery(trpc.anomalies.list.queryOptions({ status: AnomalyStatus.open }));
  const [selected, setSelected] = useState<number[]>([]);
  const canPlan = can(Operation.createCurative);

  if (anomalies.isPending) return <Loading what="anomalies" />;
  if (anomalies.error) return <ErrorBanner error={anomalies.error} />;
  if (anomalies.data.length === 0)
    return <Empty>No open anomaly: every finding has been repaired or is being repaired.</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table className="records">
          <caption className="visually-hidden">Open anomalies by site</caption>
          <thead>
            <tr>
              {canPlan ? <th scope="col">Repair</th> : null}
              <th scope="col">Site</th>
              <th scope="col">Anomaly</th>
              <th scope="col">Severity</th>
              <th scope="col">Found</th>
            </tr>
          </thead>
          <tbody>
            {anomalies.data.map((anomaly) => (
              <tr key={anomaly.id}>
                {canPlan ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Repair: ${anomaly.description} at ${anomaly.siteName}`}
                      checked={selected.includes(anomaly.id)}
                      onChange={(event) =>
                        setSelected((current) =>
                          event.target.checked ? [...current, anomaly.id] : current.filter((id) => id !== anomaly.id),
                        )
                      }
                    />
                  </td>
                ) : null}
                <td>{anomaly.siteName}</td>
                <td>{anomaly.description}</td>
                <td>{label(SEVERITY_LABELS, anomaly.severity)}</td>
                <td>{formatDateTime(anomaly.detectedAt, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canPlan ? <CurativeForm anomalyIds={selected} /> : null}
    </>
  );
}

function CurativeForm({ anomalyIds }: { anomalyIds: number[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshAfterChange();
  const { timeZone } = useSession();
  const [values, setValues] = useState({
    scheduledStart: "",
    scheduledEnd: "",
    creationStatus: String(CreationStatus.toScheduled),
    description: "",
    assignedCompanyContactId: "",
    assignee: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useMutation(
    trpc.interventions.createCurative.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        router.push(`/interventions/${result.data.id}`);
      },
      onError: (error) => {
        setErrors(fieldIssuesOf(error));
        focusFirstInvalid(formRef.current);
      },
    }),
  );
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.reset();
    const checked = validateWith(createCurativeBody, {
      anomalyIds,
      scheduledStart: values.scheduledStart ? zonedInputToIso(values.scheduledStart, timeZone) : "",
      scheduledEnd: values.scheduledEnd ? zonedInputToIso(values.scheduledEnd, timeZone) : "",
      creationStatus: Number(values.creationStatus),
      description: values.description || undefined,
      assignedCompanyContactId: values.assignedCompanyContactId ? Number(values.assignedCompanyContactId) : undefined,
      assignedUserId: values.assignee ? Number(values.assignee) : undefined,
    });
    if (!checked.ok) {
      setErrors({
        ...checked.errors,
        ...(checked.errors.anomalyIds ? { anomalyIds: "Select at least one anomaly above." } : {}),
        ...(checked.errors.scheduledStart && !values.scheduledStart ? { scheduledStart: "Choose a start." } : {}),
        ...(checked.errors.scheduledEnd && !values.scheduledEnd ? { scheduledEnd: "Choose an end." } : {}),
      });
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    mutation.mutate(checked.value);
  }

  return (
    <section className="card" aria-labelledby="curative-heading">
      <h2 id="curative-heading">Plan a curative intervention</h2>
      <form ref={formRef} onSubmit={submit} className="stack" noValidate>
        <p aria-live="polite">
          {anomalyIds.length === 0
            ? "No anomaly selected."
            : `${anomalyIds.length} anomal${anomalyIds.length === 1 ? "y" : "ies"} selected.`}
          {errors.anomalyIds ? <span className="field-error"> {errors.anomalyIds}</span> : null}
        </p>
        <PlanningFields
          values={values}
          errors={errors}
          onChange={(field, value) => set(field)(value)}
          assigneeField="assignedUserId"
        />
        <Field label="Description" error={errors.description}>
          {(props) => (
            <textarea
              {...props}
              value={values.description}
              onChange={(event) => set("description")(event.target.value)}
            />
          )}
        </Field>
        <FormFeedback error={mutation.error} success={null} />
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Planning…" : "Plan the repair"}
        </button>
      </form>
    </section>
  );
}
