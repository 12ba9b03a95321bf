"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { RuleKind, updatePreventiveBody } from "@interventions/domain";
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

/** Re-plans a preventive check: dates, site rules, assignee, and who is told by e-mail. */
export function PreventiveForm({ data }: { data: Detail }) {
  const trpc = useTRPC();
  const refresh = useRefreshAfterChange();
  const t = useTranslations("preventiveForm");
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
    siteRuleIds: data.siteRules.map((siteRule) => siteRule.id),
    creationStatus: String(intervention.creationStatus),
    assignedCompanyContactId: intervention.assignedCompanyContactId
      ? String(intervention.assignedCompanyContactId)
      : "",
    assignee: intervention.assignedProfileId ? String(intervention.assignedProfileId) : "",
  }));
  const [values, setValues] = useState(initial);
  const [notifyCurrent, setNotifyCurrent] = useState(false);
  const [notifyPrevious, setNotifyPrevious] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.interventions.updatePreventive.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("updated"));
        setInitial(values);
        setNotifyCurrent(false);
        setNotifyPrevious(false);
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
  const reassigned =
    values.assignedCompanyContactId !== initial.assignedCompanyContactId || values.assignee !== initial.assignee;
  // The choice replaces whoever was assigned, or "Nobody" clears it: the dashboard's own way (the PATCH has none).
  const control = assigneeControl(values, initial);

  // A check covers the rules of its own sites: the form offers those only, grouped by site.
  const ownSites = [
    ...new Map(
      [
        ...data.sites.map((site) => ({ id: site.id, name: site.name })),
        ...data.siteRules.map((siteRule) => ({ id: siteRule.siteId, name: siteRule.siteName })),
      ].map((site) => [site.id, site]),
    ).values(),
  ];
  // A check covers check rules: a site's drill rule is planned as a training exercise, not here.
  const isCheck = (ruleId: number) =>
    options.data?.rules.find((candidate) => candidate.id === ruleId)?.kind === RuleKind.check;
  const ruleName = (ruleId: number) => {
    const rule = options.data?.rules.find((candidate) => candidate.id === ruleId);
    return rule ? `${rule.code} — ${rule.name}` : t("ruleNumber", { id: String(ruleId) });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSuccess(null);
    mutation.reset();
    // Only what changed is sent: the PATCH leaves the rest as it is.
    const patch = planningPatch(values, initial, timeZone, "assignedProfileId");
    if (!sameIds(values.siteRuleIds, initial.siteRuleIds)) patch.siteRuleIds = values.siteRuleIds;
    if (notifyCurrent) patch.sendUpdateEmailToCurrentAssignee = true;
    if (reassigned && notifyPrevious)
      patch.previousAssigneeNotification = { sendEmail: true, reason: reason || undefined };
    if (Object.keys(patch).length === 0 && !control.unassign) {
      setErrors({ form: t("nothingChanged") });
      return;
    }
    // Dates the server will keep must still be in order when only one of them moves.
    const checked = validate(updatePreventiveBody, {
      scheduledStart: zonedInputToIso(values.scheduledStart, timeZone),
      scheduledEnd: zonedInputToIso(values.scheduledEnd, timeZone),
      ...patch,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    mutation.mutate({
      ...updatePreventiveBody.parse(patch),
      interventionId: intervention.id,
      ...control,
    });
  }

  return (
    <section className="card" aria-labelledby="edit-preventive-heading">
      <h2 id="edit-preventive-heading">{t("heading")}</h2>
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
          assigneeField="assignedProfileId"
          unassignable
        />
        <fieldset aria-describedby={errors.siteRuleIds ? "site-rules-error" : undefined}>
          <legend>{t("siteRules")}</legend>
          {ownSites.map((site) => (
            <CheckGroup
              key={site.id}
              legend={site.name}
              selected={values.siteRuleIds}
              onChange={set("siteRuleIds")}
              options={(options.data?.siteRules ?? [])
                .filter((siteRule) => siteRule.siteId === site.id && isCheck(siteRule.ruleId))
                .map((siteRule) => ({ value: siteRule.id, label: ruleName(siteRule.ruleId) }))}
            />
          ))}
          {errors.siteRuleIds ? (
            <span id="site-rules-error" className="field-error">
              {errors.siteRuleIds}
            </span>
          ) : null}
        </fieldset>
        <label>
          <input type="checkbox" checked={notifyCurrent} onChange={(event) => setNotifyCurrent(event.target.checked)} />{" "}
          {t("emailCurrent")}
        </label>
        {reassigned ? (
          <fieldset>
            <legend>{t("previousAssignee")}</legend>
            <label>
              <input
                type="checkbox"
                checked={notifyPrevious}
                onChange={(event) => setNotifyPrevious(event.target.checked)}
              />{" "}
              {t("emailPrevious")}
            </label>
            {notifyPrevious ? (
              <Field label={t("reason")} error={errors.previousAssigneeNotification}>
                {(props) => <textarea {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
              </Field>
            ) : null}
          </fieldset>
        ) : null}
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
