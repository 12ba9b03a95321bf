"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import Link from "next/link";
import { useSession } from "../../../../components/use-session";
import { formatDateTime } from "../../../../lib/dates";
import { OBLIGATION_LABELS } from "../../../../lib/labels";

export type Routine = RouterOutputs["routines"]["list"]["routines"][number];

/** The cells every row starts with: site, rule, period, and where the obligation stands. */
export function RoutineFacts({ routine }: { routine: Routine }) {
  const { timeZone } = useSession();
  const { obligation } = routine;
  return (
    <>
      <th scope="row">
        <Link href={`/sites/${routine.site.id}`}>{routine.site.name}</Link>
      </th>
      <td>
        {routine.rule.code} — {routine.rule.name}
      </td>
      <td>
        {routine.rule.periodicityMonths} month{routine.rule.periodicityMonths === 1 ? "" : "s"}
      </td>
      <td>
        {obligation ? (
          <>
            <span className={`badge obligation-${obligation.status}`}>{OBLIGATION_LABELS[obligation.status]}</span>
            <div className="muted">
              {obligation.dueAt ? `Due ${formatDateTime(obligation.dueAt, timeZone)}` : "Never checked"}
            </div>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </>
  );
}

export function routineName(routine: Routine): string {
  return `${routine.rule.name} at ${routine.site.name}`;
}

export function leadTimeText(days: number): string {
  return days === 0 ? "On the due date" : `${days} day${days === 1 ? "" : "s"} before due`;
}
