"use client";

import { CreationStatus, planPreventiveInput } from "@interventions/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { Field } from "../../../../components/field";
import { FormFeedback } from "../../../../components/form-feedback";
import { PlanningFields, type PlanningValues } from "../../../../components/planning-fields";
import { ErrorBanner, Loading } from "../../../../components/states";
import { useSession } from "../../../../components/use-session";
import { formatDateTime, isoToZonedInput, zonedInputToIso } from "../../../../lib/dates";
import { fieldIssuesOf } from "../../../../lib/errors";
import { type FieldErrors, focusFirstInvalid, validateWith } from "../../../../lib/form-validation";
import { OBLIGATION_LABELS } from "../../../../lib/labels";
import { useTRPC } from "../../../../lib/trpc";

const PLANNABLE = [CreationStatus.toScheduled, CreationStatus.scheduled] as const;

/** Plans the next preventive check of one obligation, from its cell of the compliance grid. */
export function PlanCheckForm({ siteRuleId }: { siteRuleId: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { timeZone } = useSession();
  const overview = useQuery(trpc.compliance.overview.queryOptions({}));
  const obligation = overview.data?.obligations.find((candidate) => candidate.siteRuleId === siteRuleId);
  const [values, setValues] = useState<PlanningValues & { description: string }>(() => {
    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    return {
      description: "",
      scheduledStart: isoToZonedInput(start.toISOString(), timeZone),
      scheduledEnd: isoToZonedInput(new Date(start.getTime() + 2 * 3_600_000).toISOString(), timeZone),
      creationStatus: String(CreationStatus.toScheduled),
      assignedCompanyContactId: "",
      assignee: "",
    };
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useMutation(
    trpc.interventions.planPreventive.mutationOptions({
      onSuccess: (result) => router.push(`/interventions/${result.data.id}`),
      onError: (error) => {
        setErrors(fieldIssuesOf(error));
        focusFirstInvalid(formRef.current);
      },
    }),
  );
  if (overview.isPending) return <Loading what="the obligation" />;
  if (overview.error) return <ErrorBanner error={overview.error} />;
  if (!obligation) return <p role="alert">This obligation does not exist in this organization.</p>;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(planPreventiveInput, {
      siteRuleIds: [siteRuleId],
      scheduledStart: zonedInputToIso(values.scheduledStart, timeZone),
      scheduledEnd: zonedInputToIso(values.scheduledEnd, timeZone),
      creationStatus: Number(values.creationStatus),
      description: values.description || undefined,
      assignedCompanyContactId: values.assignedCompanyContactId ? Number(values.assignedCompanyContactId) : undefined,
      assignedProfileId: values.assignee ? Number(values.assignee) : undefined,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    mutation.mutate(checked.value);
  }

  return (
    <>
      <p>
        <Link href="/compliance">← Compliance</Link>
      </p>
      <h1>
        Plan a check: {obligation.ruleName} at {obligation.siteName}
      </h1>
      <p>
        <span className={`badge obligation-${obligation.status}`}>{OBLIGATION_LABELS[obligation.status]}</span>{" "}
        {obligation.dueAt ? `Due ${formatDateTime(obligation.dueAt, timeZone)}.` : "Never checked."}{" "}
        {obligation.lastDoneAt ? `Last done ${formatDateTime(obligation.lastDoneAt, timeZone)}.` : null}
      </p>
      <section className="card">
        <form ref={formRef} onSubmit={submit} className="stack" noValidate>
          <PlanningFields
            values={values}
            errors={errors}
            onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
            assigneeField="assignedProfileId"
            creationStatuses={PLANNABLE}
          />
          <Field label="Description" error={errors.description}>
            {(props) => (
              <textarea
                {...props}
                value={values.description}
                onChange={(event) => setValues((current) => ({ ...current, description: event.target.value }))}
              />
            )}
          </Field>
          <FormFeedback error={mutation.error} success={null} />
          <button type="submit" disabled={mutation.isPending}>
            Plan the check
          </button>
        </form>
      </section>
    </>
  );
}
