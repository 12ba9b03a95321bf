"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormats } from "../../../../components/use-formats";
import { useLabels } from "../../../../lib/labels";

export type Routine = RouterOutputs["routines"]["list"]["routines"][number];

/** The cells every row starts with: site, rule, period, and where the obligation stands. */
export function RoutineFacts({ routine }: { routine: Routine }) {
  const t = useTranslations("routines");
  const label = useLabels();
  const { dateTime } = useFormats();
  const { obligation } = routine;
  return (
    <>
      <th scope="row">
        <Link href={`/sites/${routine.site.id}`}>{routine.site.name}</Link>
      </th>
      <td>
        {routine.rule.code} — {routine.rule.name}
      </td>
      <td>{t("months", { count: routine.rule.periodicityMonths })}</td>
      <td>
        {obligation ? (
          <>
            <span className={`badge obligation-${obligation.status}`}>{label("obligation", obligation.status)}</span>
            <div className="muted">
              {obligation.dueAt ? t("due", { date: dateTime(obligation.dueAt) }) : t("neverChecked")}
            </div>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </>
  );
}

/** "Fire extinguishers at Parking Part-Dieu": how a routine's controls are named. */
export function useRoutineName() {
  const t = useTranslations("routines");
  return (routine: Routine) => t("name", { rule: routine.rule.name, site: routine.site.name });
}
