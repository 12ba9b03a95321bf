"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { CreationStatus, planPreventiveInput } from "@interventions/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { Field } from "../../../../components/field";
import { FormFeedback } from "../../../../components/form-feedback";
import { PlanningFields, type PlanningValues } from "../../../../components/planning-fields";
import { ErrorBanner, Loading } from "../../../../components/states";
import { useFormats } from "../../../../components/use-formats";
import { useSession } from "../../../../components/use-session";
import { isoToZonedInput, zonedInputToIso } from "../../../../lib/dates";
import { useFieldIssues } from "../../../../lib/errors";
import { type FieldErrors, focusFirstInvalid, useValidate } from "../../../../lib/form-validation";
import { useLabels } from "../../../../lib/labels";
import { useTRPC } from "../../../../lib/trpc";

const PLANNABLE = [CreationStatus.toScheduled, CreationStatus.scheduled] as const;

/**
 * Plans the next preventive check of one obligation, from its cell of the compliance grid, or of several (the
 * re-check of a rejected check, `after` naming it).
 */
export function PlanCheckForm({ siteRuleIds, after }: { siteRuleIds: number[]; after?: number | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { timeZone } = useSession();
  const t = useTranslations("planCheck");
  const validate = useValidate();
  const fieldIssues = useFieldIssues();
  const overview = useQuery(trpc.compliance.overview.queryOptions({}));
  const obligations = siteRuleIds.map((siteRuleId) =>
    overview.data?.obligations.find((candidate) => candidate.siteRuleId === siteRuleId),
  );
  const [values, setValues] = useState<PlanningValues & { description: string }>(() => {
    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    return {
      description: after === undefined ? "" : t("recheckOf", { id: String(after) }),
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
        setErrors(fieldIssues(error));
        focusFirstInvalid(formRef.current);
      },
    }),
  );
  if (overview.isPending) return <Loading>{t("loading")}</Loading>;
  if (overview.error) return <ErrorBanner error={overview.error} />;
  const known = obligations.filter((obligation) => obligation !== undefined);
  const [obligation] = known;
  if (!obligation || known.length !== siteRuleIds.length) return <p role="alert">{t("unknown")}</p>;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(planPreventiveInput, {
      siteRuleIds,
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
        <Link href="/compliance">{t("back")}</Link>
      </p>
      {known.length === 1 ? (
        <>
          <h1>{t("heading", { rule: obligation.ruleName, site: obligation.siteName })}</h1>
          <ObligationFacts obligation={obligation} />
        </>
      ) : (
        <>
          <h1>{t("headingSeveral", { count: known.length })}</h1>
          <ul>
            {known.map((each) => (
              <li key={each.siteRuleId}>
                {t("ruleAtSite", { rule: each.ruleName, site: each.siteName })} <ObligationFacts obligation={each} />
              </li>
            ))}
          </ul>
        </>
      )}
      <section className="card">
        <form ref={formRef} onSubmit={submit} className="stack" noValidate>
          <PlanningFields
            values={values}
            errors={errors}
            onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
            assigneeField="assignedProfileId"
            creationStatuses={PLANNABLE}
          />
          <Field label={t("description")} error={errors.description}>
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
            {t("submit")}
          </button>
        </form>
      </section>
    </>
  );
}

type Obligation = NonNullable<RouterOutputs["compliance"]["overview"]>["obligations"][number];

/** Where an obligation stands: its state, when it is due, when it was last done. */
function ObligationFacts({ obligation }: { obligation: Obligation }) {
  const t = useTranslations("planCheck");
  const label = useLabels();
  const { dateTime } = useFormats();
  return (
    <span>
      <span className={`badge obligation-${obligation.status}`}>{label("obligation", obligation.status)}</span>{" "}
      {obligation.dueAt ? t("due", { date: dateTime(obligation.dueAt) }) : t("neverChecked")}{" "}
      {obligation.lastDoneAt ? t("lastDone", { date: dateTime(obligation.lastDoneAt) }) : null}
    </span>
  );
}
