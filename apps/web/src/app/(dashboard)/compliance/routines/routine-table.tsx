"use client";

import { useTranslations } from "next-intl";
import { Empty } from "../../../../components/states";
import { type Routine, RoutineFacts } from "./routine-facts";
import { type Assignees, RoutineForm } from "./routine-form";

/** The organization's routines, one per row: read-only, or each row its own form for those who may change it. */
export function RoutineTable({ routines, assignees }: { routines: Routine[]; assignees: Assignees | undefined }) {
  const t = useTranslations("routines");
  if (routines.length === 0) return <Empty>{t("empty")}</Empty>;
  return (
    <div className="table-wrap">
      <table className="records routine-table">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("site")}</th>
            <th scope="col">{t("rule")}</th>
            <th scope="col">{t("every")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("assignedTo")}</th>
            <th scope="col">{t("leadTime")}</th>
            <th scope="col">{t("active")}</th>
            {assignees ? <th scope="col">{t("save")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {routines.map((routine) =>
            assignees ? (
              <RoutineForm key={routine.id} routine={routine} assignees={assignees} />
            ) : (
              <tr key={routine.id}>
                <RoutineFacts routine={routine} />
                <td>{assigneeText(routine) ?? <span className="muted">{t("nobody")}</span>}</td>
                <td>{routine.leadDays === 0 ? t("onDueDate") : t("leadDays", { count: routine.leadDays })}</td>
                <td>{routine.active ? t("active") : t("paused")}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Who a routine's checks go to: a provider's contact, a member, or both. */
function assigneeText(routine: Routine): string | null {
  const contact = routine.assignedContact && `${routine.assignedContact.name} (${routine.assignedContact.companyName})`;
  const member = routine.assignedProfile?.name;
  return contact && member ? `${contact} · ${member}` : (contact ?? member ?? null);
}
