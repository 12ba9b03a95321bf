"use client";

import { updateRoutineInput } from "@interventions/domain";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { FormFeedback } from "../../../../components/form-feedback";
import { useFieldIssues } from "../../../../lib/errors";
import { type FieldErrors, useValidate } from "../../../../lib/form-validation";
import { useLabels } from "../../../../lib/labels";
import { useTRPC } from "../../../../lib/trpc";
import { type Routine, RoutineFacts, useRoutineName } from "./routine-facts";
import { contactOption, profileOption, type RoutineValues, routinePatch, routineValues } from "./routine-patch";

/** Who a routine may assign its checks to: the providers' contacts and the organization's members. */
export interface Assignees {
  contacts: { id: number; name: string; companyName: string }[];
  members: { id: number; name: string; role: number }[];
}

/** One routine's row as a form: its controls sit in the row's cells, tied to the form in the last one. */
export function RoutineForm({ routine, assignees }: { routine: Routine; assignees: Assignees }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useId();
  const t = useTranslations("routines");
  const label = useLabels();
  const validate = useValidate();
  const fieldIssues = useFieldIssues();
  const routineName = useRoutineName();
  const [initial, setInitial] = useState(() => routineValues(routine));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [success, setSuccess] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.routines.update.mutationOptions({
      onSuccess: ({ data }) => {
        const saved = routineValues(data);
        setInitial(saved);
        setValues(saved);
        setSuccess(t("saved"));
        router.refresh();
      },
      onError: (error) => setErrors(fieldIssues(error)),
    }),
  );
  const name = routineName(routine);
  const change = (next: Partial<RoutineValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setSuccess(null);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.reset();
    const patch = routinePatch(routine.id, initial, values);
    if (Object.keys(patch).length === 1) {
      setErrors({});
      setSuccess(t("nothingChanged"));
      return;
    }
    const checked = validate(updateRoutineInput, patch);
    if (!checked.ok) {
      setSuccess(null);
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    mutation.mutate(checked.value);
  }

  const assigneeError = errors.assignedCompanyContactId ?? errors.assignedProfileId;
  return (
    <tr>
      <RoutineFacts routine={routine} />
      <td>
        <select
          form={form}
          aria-label={t("assigneeLabel", { name })}
          aria-invalid={Boolean(assigneeError)}
          aria-describedby={assigneeError ? `${form}-assignee-error` : undefined}
          value={values.assignee}
          onChange={(event) => change({ assignee: event.target.value })}
        >
          <option value="">{t("nobody")}</option>
          <optgroup label={t("providerContacts")}>
            {assignees.contacts.map((contact) => (
              <option key={contact.id} value={contactOption(contact.id)}>
                {contact.name} ({contact.companyName})
              </option>
            ))}
          </optgroup>
          <optgroup label={t("members")}>
            {assignees.members.map((member) => (
              <option key={member.id} value={profileOption(member.id)}>
                {member.name} ({label("role", member.role)})
              </option>
            ))}
          </optgroup>
        </select>
        {assigneeError ? (
          <span id={`${form}-assignee-error`} className="field-error">
            {assigneeError}
          </span>
        ) : null}
      </td>
      <td>
        <span className="lead-time">
          <input
            form={form}
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            step={1}
            aria-label={t("leadTimeLabel", { name })}
            aria-invalid={Boolean(errors.leadDays)}
            aria-describedby={errors.leadDays ? `${form}-lead-error` : undefined}
            value={values.leadDays}
            onChange={(event) => change({ leadDays: event.target.value })}
          />{" "}
          {t("daysBeforeDue")}
        </span>
        {errors.leadDays ? (
          <span id={`${form}-lead-error`} className="field-error">
            {errors.leadDays}
          </span>
        ) : null}
      </td>
      <td>
        <input
          form={form}
          type="checkbox"
          aria-label={t("activeLabel", { name })}
          checked={values.active}
          onChange={(event) => change({ active: event.target.checked })}
        />
      </td>
      <td>
        <form id={form} onSubmit={submit} aria-label={t("formLabel", { name })} noValidate>
          <button type="submit" disabled={mutation.isPending} aria-label={t("saveLabel", { name })}>
            {t("save")}
          </button>
          <FormFeedback error={mutation.error} success={success} />
        </form>
      </td>
    </tr>
  );
}
