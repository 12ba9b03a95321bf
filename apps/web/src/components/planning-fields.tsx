"use client";

import { CreationStatus } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { assigneeChoice, parseAssigneeChoice } from "../lib/assignee-choice";
import type { FieldErrors } from "../lib/form-validation";
import { useLabels } from "../lib/labels";
import { useTRPC } from "../lib/trpc";
import { DateInput } from "./date-input";
import { Field } from "./field";
import { useSession } from "./use-session";

/** The fields every planning form shares: when, how firm, and who. */
export interface PlanningValues {
  scheduledStart: string;
  scheduledEnd: string;
  creationStatus: string;
  assignedCompanyContactId: string;
  /** A profile id (preventive) or a user id (curative, exercise), as the documented body names it. */
  assignee: string;
}

export function PlanningFields({
  values,
  errors,
  onChange,
  assigneeField,
  creationStatuses = Object.values(CreationStatus),
  unassignable = false,
}: {
  values: PlanningValues;
  errors: FieldErrors;
  onChange: (field: keyof PlanningValues, value: string) => void;
  assigneeField: "assignedProfileId" | "assignedUserId";
  /** The statuses this form may set (planning a check cannot record it done). */
  creationStatuses?: readonly CreationStatus[];
  /** Whether choosing no one clears the assignee (the edit forms), rather than planning with nobody yet. */
  unassignable?: boolean;
}) {
  const trpc = useTRPC();
  const { timeZone } = useSession();
  const t = useTranslations("planningFields");
  const label = useLabels();
  const options = useQuery(trpc.session.options.queryOptions());
  const dateField = (field: "scheduledStart" | "scheduledEnd", text: string) => (
    <Field label={text} hint={t("timeIn", { timeZone })} error={errors[field]}>
      {(props) => (
        <DateInput {...props} kind="dateTime" value={values[field]} onChange={(value) => onChange(field, value)} />
      )}
    </Field>
  );
  return (
    <>
      <div className="row">
        {dateField("scheduledStart", t("scheduledStart"))}
        {dateField("scheduledEnd", t("scheduledEnd"))}
        <Field label={t("creationStatus")} error={errors.creationStatus}>
          {(props) => (
            <select
              {...props}
              value={values.creationStatus}
              onChange={(event) => onChange("creationStatus", event.target.value)}
            >
              {creationStatuses.map((status) => (
                <option key={status} value={status}>
                  {label("creationStatus", status)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label={t("assignedTo")} error={errors.assignedCompanyContactId ?? errors[assigneeField]}>
          {(props) => (
            <select
              {...props}
              value={assigneeChoice(values)}
              onChange={(event) => {
                const { contact, member } = parseAssigneeChoice(event.target.value);
                onChange("assignedCompanyContactId", contact);
                onChange("assignee", member);
              }}
            >
              <option value="">{unassignable ? t("nobody") : "—"}</option>
              <optgroup label={t("providerContacts")}>
                {options.data?.contacts.map((contact) => (
                  <option key={`c${contact.id}`} value={`contact:${contact.id}`}>
                    {contact.firstName} {contact.lastName} ({contact.companyName})
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("members")}>
                {options.data?.profiles.map((profile) => (
                  <option
                    key={`m${profile.id}`}
                    value={`member:${assigneeField === "assignedProfileId" ? profile.id : profile.userId}`}
                  >
                    {profile.firstName} {profile.lastName}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
      </div>
    </>
  );
}
