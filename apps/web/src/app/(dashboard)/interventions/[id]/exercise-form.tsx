"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { attendeeCountSchema, RuleKind, updateTrainingExerciseBody } from "@interventions/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { CheckGroup, Field } from "../../../../components/field";
import { FormFeedback } from "../../../../components/form-feedback";
import { PlanningFields } from "../../../../components/planning-fields";
import { useSession } from "../../../../components/use-session";
import { assigneeControl } from "../../../../lib/assignee-choice";
import { isoToZonedInput, zonedInputToIso } from "../../../../lib/dates";
import { useFieldIssues } from "../../../../lib/errors";
import { type FieldErrors, focusFirstInvalid, sameIds, useValidate } from "../../../../lib/form-validation";
import { planningPatch } from "../../../../lib/planning-patch";
import { useTRPC } from "../../../../lib/trpc";
import { useRefreshAfterChange } from "../../../../lib/use-refresh";

type Detail = RouterOutputs["interventions"]["get"];

/** Re-plans a drill (rule, sites, assignee), or records that it took place and how many attended. */
export function ExerciseForm({ data }: { data: Detail }) {
  const trpc = useTRPC();
  const refresh = useRefreshAfterChange();
  const t = useTranslations("exerciseForm");
  const validate = useValidate();
  const fieldIssues = useFieldIssues();
  const { timeZone } = useSession();
  const options = useQuery(trpc.session.options.queryOptions());
  const { intervention } = data;
  // What the form opened with: the PATCH sends only what differs from it, never a refetched value.
  const [initial, setInitial] = useState(() => ({
    description: intervention.description ?? "",
    scheduledStart: isoToZonedInput(intervention.scheduledStart, timeZone),
    scheduledEnd: isoToZonedInput(intervention.scheduledEnd, timeZone),
    ruleId: data.rule ? String(data.rule.id) : "",
    siteIds: data.sites.map((site) => site.id),
    creationStatus: String(intervention.creationStatus),
    assignedCompanyContactId: intervention.assignedCompanyContactId
      ? String(intervention.assignedCompanyContactId)
      : "",
    assignee: intervention.assignedUserId ? String(intervention.assignedUserId) : "",
    attendeeCount: intervention.attendeeCount === null ? "" : String(intervention.attendeeCount),
  }));
  const [values, setValues] = useState(initial);
  const [markDone, setMarkDone] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.interventions.updateTrainingExercise.mutationOptions({
      onSuccess: async () => {
        setSuccess(markDone ? t("markedDone") : t("updated"));
        setInitial(values);
        setMarkDone(false);
        await refresh();
      },
      onError: (error) => {
        setErrors(fieldIssues(error));
        focusFirstInvalid(formRef.current);
      },
    }),
  );
  const set = (field: keyof typeof values) => (value: string | number[]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const exerciseRules = (options.data?.rules ?? []).filter((rule) => rule.kind === RuleKind.exercise);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSuccess(null);
    mutation.reset();
    const patch = planningPatch(values, initial, timeZone, "assignedUserId");
    // The choice replaces whoever was assigned, or "Nobody" clears it: the dashboard's own way (the PATCH has none).
    const control = assigneeControl(values, initial);
    if (values.ruleId !== initial.ruleId && values.ruleId) patch.ruleId = Number(values.ruleId);
    if (!sameIds(values.siteIds, initial.siteIds)) patch.siteIds = values.siteIds;
    if (markDone) patch.validateIntervention = true;
    const attendees = values.attendeeCount === initial.attendeeCount ? undefined : values.attendeeCount;
    const attendeeCheck = attendees === undefined ? null : attendeeCountSchema.safeParse(Number(attendees));
    if (Object.keys(patch).length === 0 && attendees === undefined && !control.unassign) {
      setErrors({ form: t("nothingChanged") });
      return;
    }
    const checked = validate(updateTrainingExerciseBody, {
      scheduledStart: zonedInputToIso(values.scheduledStart, timeZone),
      scheduledEnd: zonedInputToIso(values.scheduledEnd, timeZone),
      ...patch,
    });
    const fieldErrors: FieldErrors = checked.ok ? {} : checked.errors;
    if (attendeeCheck && (!attendeeCheck.success || attendees === "")) {
      fieldErrors.attendeeCount = t("attendeesInvalid");
    }
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length > 0) return focusFirstInvalid(formRef.current);
    mutation.mutate({
      ...updateTrainingExerciseBody.parse(patch),
      interventionId: intervention.id,
      attendeeCount: attendees === undefined ? undefined : Number(attendees),
      ...control,
    });
  }

  return (
    <section className="card" aria-labelledby="edit-exercise-heading">
      <h2 id="edit-exercise-heading">{t("heading")}</h2>
      <form ref={formRef} onSubmit={submit} className="stack" noValidate>
        <Field label={t("description")} error={errors.description}>
          {(props) => (
            <textarea
              {...props}
              value={values.description}
              onChange={(event) => set("description")(event.target.value)}
            />
          )}
        </Field>
        <PlanningFields
          values={values}
          errors={errors}
          onChange={(field, value) => set(field)(value)}
          assigneeField="assignedUserId"
          unassignable
        />
        <Field label={t("rule")} error={errors.ruleId}>
          {(props) => (
            <select {...props} value={values.ruleId} onChange={(event) => set("ruleId")(event.target.value)}>
              <option value="">—</option>
              {exerciseRules.map((rule) => (
                <option key={rule.id} value={rule.id}>
                  {rule.code} — {rule.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CheckGroup
          legend={t("sites")}
          error={errors.siteIds}
          selected={values.siteIds}
          onChange={set("siteIds")}
          options={(options.data?.sites ?? []).map((site) => ({
            value: site.id,
            label: `${site.name} (${site.city})`,
          }))}
        />
        <div className="row">
          <Field label={t("attendees")} error={errors.attendeeCount}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                inputMode="numeric"
                value={values.attendeeCount}
                onChange={(event) => set("attendeeCount")(event.target.value)}
              />
            )}
          </Field>
        </div>
        <label>
          <input type="checkbox" checked={markDone} onChange={(event) => setMarkDone(event.target.checked)} />{" "}
          {t("markDone")}
        </label>
        {errors.form ? (
          <p role="alert" className="error">
            {errors.form}
          </p>
        ) : null}
        <FormFeedback error={mutation.error} success={success} />
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t("saving") : t("save")}
        </button>
      </form>
    </section>
  );
}
