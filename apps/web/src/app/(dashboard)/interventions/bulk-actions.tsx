"use client";

import { bulkRefusalOf, Operation } from "@interventions/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Field } from "../../../components/field";
import { useSession } from "../../../components/use-session";
import { zonedInputToIso } from "../../../lib/dates";
import { useDescribeError, useFieldIssues } from "../../../lib/errors";
import type { FieldErrors } from "../../../lib/form-validation";
import { useTRPC } from "../../../lib/trpc";
import { useRefreshAfterChange } from "../../../lib/use-refresh";

// Acting on many interventions of the list: tick rows (or the whole page), then assign them or plan them in
// one go. All or none: when the server refuses a row, nothing changes and each refused row says why.

interface Row {
  id: number;
}

export interface BulkSelection {
  /** Whether the member may act on many (planners only): otherwise nothing of this shows. */
  enabled: boolean;
  ids: number[];
  pageIds: number[];
  toggle(id: number, on: boolean): void;
  togglePage(on: boolean): void;
  /** Why the server refused each row of the last attempt, in words, by intervention id. */
  refusals: Map<number, string>;
  setRefusals(refusals: Map<number, string>): void;
  clear(): void;
}

export function useBulkSelection(rows: readonly Row[]): BulkSelection {
  const { can } = useSession();
  const [selected, setSelected] = useState<number[]>([]);
  const [refusals, setRefusals] = useState<Map<number, string>>(new Map());
  const pageIds = rows.map((row) => row.id);
  // Only what this page shows counts: a row selected on another page is not acted on unseen.
  const ids = selected.filter((id) => pageIds.includes(id));
  return {
    enabled: can(Operation.updatePreventive),
    ids,
    pageIds,
    toggle: (id, on) => setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id))),
    togglePage: (on) => setSelected(on ? pageIds : []),
    refusals,
    setRefusals,
    clear: () => {
      setSelected([]);
      setRefusals(new Map());
    },
  };
}

/** The header cell: select every row of this page. */
export function SelectPageCell({ bulk }: { bulk: BulkSelection }) {
  const t = useTranslations("bulk");
  const all = bulk.pageIds.length > 0 && bulk.ids.length === bulk.pageIds.length;
  return (
    <th scope="col">
      <input
        type="checkbox"
        aria-label={t("selectPage")}
        checked={all}
        onChange={(event) => bulk.togglePage(event.target.checked)}
      />
    </th>
  );
}

/** A row's cell: its checkbox, and beside it why the last bulk action was refused for it. */
export function SelectRowCell({ bulk, id, name }: { bulk: BulkSelection; id: number; name: string }) {
  const t = useTranslations("bulk");
  const refusal = bulk.refusals.get(id);
  return (
    <td>
      <input
        type="checkbox"
        aria-label={t("selectRow", { name })}
        checked={bulk.ids.includes(id)}
        onChange={(event) => bulk.toggle(id, event.target.checked)}
      />
      {refusal ? <div className="field-error bulk-refusal">{refusal}</div> : null}
    </td>
  );
}

type Contact = { id: number; firstName: string; lastName: string; companyName: string };
type Member = { id: number; firstName: string; lastName: string };

/** Assign or plan the selected rows. */
export function BulkActions({ bulk }: { bulk: BulkSelection }) {
  const trpc = useTRPC();
  const refresh = useRefreshAfterChange();
  const { timeZone } = useSession();
  const t = useTranslations("bulk");
  const describeError = useDescribeError();
  const fieldIssues = useFieldIssues();
  const options = useQuery(trpc.session.options.queryOptions());
  const [assignee, setAssignee] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const handlers = (ids: number[], success: (count: number) => string) => ({
    onSuccess: async (result: { updated: number[] }) => {
      bulk.clear();
      setErrors({});
      setRefused(null);
      setDone(success(result.updated.length));
      await refresh();
    },
    onError: (error: unknown) => {
      const issues = (error as { data?: { issues?: { path: string; message: string }[] } }).data?.issues ?? [];
      const rows = new Map<number, string>();
      for (const issue of issues) {
        const [field, index] = issue.path.split(".");
        const reason = bulkRefusalOf(issue.message);
        const id = ids[Number(index)];
        if (field === "interventionIds" && reason && id !== undefined) rows.set(id, t(`reasons.${reason}`));
      }
      bulk.setRefusals(rows);
      setErrors(rows.size > 0 ? {} : fieldIssues(error));
      setRefused(rows.size > 0 ? t("refusedRows", { count: rows.size }) : describeError(error));
      setDone(null);
    },
  });
  const assign = useMutation(trpc.interventions.bulkAssign.mutationOptions());
  const plan = useMutation(trpc.interventions.bulkPlan.mutationOptions());

  function submitAssign(event: FormEvent) {
    event.preventDefault();
    const [kind, id] = assignee.split(":");
    if (bulk.ids.length === 0) return setRefused(t("selectFirst"));
    if (!id) return setErrors({ assignee: t("chooseAssignee") });
    const ids = bulk.ids;
    assign.mutate(
      {
        interventionIds: ids,
        ...(kind === "contact" ? { assignedCompanyContactId: Number(id) } : { assignedProfileId: Number(id) }),
      },
      handlers(ids, (count) => t("assigned", { count })),
    );
  }

  function submitPlan(event: FormEvent) {
    event.preventDefault();
    if (bulk.ids.length === 0) return setRefused(t("selectFirst"));
    const missing: FieldErrors = {
      ...(start ? {} : { scheduledStart: t("chooseStart") }),
      ...(end ? {} : { scheduledEnd: t("chooseEnd") }),
    };
    if (start && end && end < start) missing.scheduledEnd = t("endBeforeStart");
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const ids = bulk.ids;
    plan.mutate(
      {
        interventionIds: ids,
        scheduledStart: zonedInputToIso(start, timeZone),
        scheduledEnd: zonedInputToIso(end, timeZone),
      },
      handlers(ids, (count) => t("planned", { count })),
    );
  }

  // Shown once a row is ticked (or while its outcome is said): the list's first screen stays the list's.
  if (!bulk.enabled || (bulk.ids.length === 0 && done === null && refused === null)) return null;
  const busy = assign.isPending || plan.isPending;
  return (
    <section className="card stack bulk-actions" aria-label={t("title")}>
      <p aria-live="polite">{t("selected", { count: bulk.ids.length })}</p>
      <form className="row" onSubmit={submitAssign} noValidate>
        <Field label={t("assignTo")} error={errors.assignee ?? errors.assignedCompanyContactId}>
          {(props) => (
            <select {...props} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
              <option value="">{t("choose")}</option>
              <AssigneeOptions contacts={options.data?.contacts} members={options.data?.profiles} />
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t("assign")}
        </button>
      </form>
      <form className="row" onSubmit={submitPlan} noValidate>
        <Field label={t("start")} hint={t("timeIn", { timeZone })} error={errors.scheduledStart}>
          {(props) => (
            <input {...props} type="datetime-local" value={start} onChange={(event) => setStart(event.target.value)} />
          )}
        </Field>
        <Field label={t("end")} error={errors.scheduledEnd}>
          {(props) => (
            <input {...props} type="datetime-local" value={end} onChange={(event) => setEnd(event.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t("plan")}
        </button>
      </form>
      {refused ? (
        <p role="alert" className="banner error">
          {refused}
        </p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
    </section>
  );
}

function AssigneeOptions({ contacts = [], members = [] }: { contacts?: Contact[]; members?: Member[] }) {
  const t = useTranslations("bulk");
  return (
    <>
      <optgroup label={t("providerContacts")}>
        {contacts.map((contact) => (
          <option key={contact.id} value={`contact:${contact.id}`}>
            {contact.firstName} {contact.lastName} ({contact.companyName})
          </option>
        ))}
      </optgroup>
      <optgroup label={t("members")}>
        {members.map((member) => (
          <option key={member.id} value={`member:${member.id}`}>
            {member.firstName} {member.lastName}
          </option>
        ))}
      </optgroup>
    </>
  );
}
