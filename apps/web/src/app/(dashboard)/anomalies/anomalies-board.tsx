"use client";

import { AnomalyStatus, CreationStatus, createCurativeBody, Operation } from "@interventions/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { Field } from "../../../components/field";
import { FormFeedback } from "../../../components/form-feedback";
import { PlanningFields } from "../../../components/planning-fields";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useFormats } from "../../../components/use-formats";
import { useSession } from "../../../components/use-session";
import { zonedInputToIso } from "../../../lib/dates";
import { useFieldIssues } from "../../../lib/errors";
import { type FieldErrors, focusFirstInvalid, useValidate } from "../../../lib/form-validation";
import { useLabels } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { useRefreshAfterChange } from "../../../lib/use-refresh";

export function AnomaliesBoard({ preselected = [], after }: { preselected?: number[]; after?: number | undefined }) {
  const trpc = useTRPC();
  const { can } = useSession();
  const t = useTranslations("anomalies");
  const label = useLabels();
  const { dateTime } = useFormats();
  const anomalies = useQuery(trpc.anomalies.list.queryOptions({ status: AnomalyStatus.open }));
  const [selected, setSelected] = useState<number[]>(preselected);
  const canPlan = can(Operation.createCurative);

  if (anomalies.isPending) return <Loading>{t("loading")}</Loading>;
  if (anomalies.error) return <ErrorBanner error={anomalies.error} />;
  if (anomalies.data.length === 0) return <Empty>{t("empty")}</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table className="records">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              {canPlan ? <th scope="col">{t("repair")}</th> : null}
              <th scope="col">{t("severity")}</th>
              <th scope="col">{t("anomaly")}</th>
              <th scope="col">{t("site")}</th>
              <th scope="col">{t("found")}</th>
            </tr>
          </thead>
          <tbody>
            {anomalies.data.map((anomaly) => (
              <tr key={anomaly.id}>
                {canPlan ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t("repairLabel", { description: anomaly.description, site: anomaly.siteName })}
                      checked={selected.includes(anomaly.id)}
                      onChange={(event) =>
                        setSelected((current) =>
                          event.target.checked ? [...current, anomaly.id] : current.filter((id) => id !== anomaly.id),
                        )
                      }
                    />
                  </td>
                ) : null}
                <td>
                  <span className={`badge severity-${anomaly.severity}`}>{label("severity", anomaly.severity)}</span>
                </td>
                <td>{anomaly.description}</td>
                <td>{anomaly.siteName}</td>
                <td>{dateTime(anomaly.detectedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canPlan ? (
        <CurativeForm
          anomalyIds={selected.filter((id) => anomalies.data.some((anomaly) => anomaly.id === id))}
          after={after}
        />
      ) : null}
    </>
  );
}

function CurativeForm({ anomalyIds, after }: { anomalyIds: number[]; after?: number | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshAfterChange();
  const { timeZone } = useSession();
  const t = useTranslations("anomalies");
  const validate = useValidate();
  const fieldIssues = useFieldIssues();
  const [values, setValues] = useState({
    scheduledStart: "",
    scheduledEnd: "",
    creationStatus: String(CreationStatus.toScheduled),
    description: after === undefined ? "" : t("repairOf", { id: String(after) }),
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
        setErrors(fieldIssues(error));
        focusFirstInvalid(formRef.current);
      },
    }),
  );
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.reset();
    const checked = validate(createCurativeBody, {
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
        ...(checked.errors.anomalyIds ? { anomalyIds: t("selectAnomaly") } : {}),
        ...(checked.errors.scheduledStart && !values.scheduledStart ? { scheduledStart: t("chooseStart") } : {}),
        ...(checked.errors.scheduledEnd && !values.scheduledEnd ? { scheduledEnd: t("chooseEnd") } : {}),
      });
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    mutation.mutate(checked.value);
  }

  return (
    <section className="card" aria-labelledby="curative-heading">
      <h2 id="curative-heading">{t("planHeading")}</h2>
      <form ref={formRef} onSubmit={submit} className="stack" noValidate>
        <p aria-live="polite">
          {t("selected", { count: anomalyIds.length })}
          {errors.anomalyIds ? <span className="field-error"> {errors.anomalyIds}</span> : null}
        </p>
        <PlanningFields
          values={values}
          errors={errors}
          onChange={(field, value) => set(field)(value)}
          assigneeField="assignedUserId"
        />
        <Field label={t("description")} error={errors.description}>
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
          {mutation.isPending ? t("planning") : t("plan")}
        </button>
      </form>
    </section>
  );
}
