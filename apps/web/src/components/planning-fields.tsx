"use client";

import { CreationStatus } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "../lib/form-validation";
import { useLabels } from "../lib/labels";
import { useTRPC } from "../lib/trpc";
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
}: {
  values: PlanningValues;
  errors: FieldErrors;
  onChange: (field: keyof PlanningValues, value: string) => void;
  assigneeField: "assignedProfileId" | "assignedUserId";
  /** The statuses this form may set (planning a check cannot record it done). */
  creationStatuses?: readonly CreationStatus[];
}) {
  const trpc = useTRPC();
  const { timeZone } = useSession();
  const t = useTranslations("planningFields");
  const label = useLabels();
  const options = useQuery(trpc.session.options.queryOptions());
  const dateField = (field: "scheduledStart" | "scheduledEnd", text: string) => (
    <Field label={text} hint={t("timeIn", { timeZone })} error={errors[field]}>
      {(props) => (
        <input
          {...props}
          type="datetime-local"
          value={values[field]}
          onChange={(event) => onChange(field, event.target.value)}
        />
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
        <Field label={t("providerContact")} error={errors.assignedCompanyContactId}>
          {(props) => (
            <select
              {...props}
              value={values.assignedCompanyContactId}
              onChange={(event) => onChange("assignedCompanyContactId", event.target.value)}
            >
              <option value="">—</option>
              {options.data?.contacts.map((contact) => (
                <option key={contact.id} value={contact.id}>
                  {contact.firstName} {contact.lastName} ({contact.companyName})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("assignedUser")} error={errors[assigneeField]}>
          {(props) => (
            <select {...props} value={values.assignee} onChange={(event) => onChange("assignee", event.target.value)}>
              <option value="">—</option>
              {options.data?.profiles.map((profile) => (
                <option key={profile.id} value={assigneeField === "assignedProfileId" ? profile.id : profile.userId}>
                  {profile.firstName} {profile.lastName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}
