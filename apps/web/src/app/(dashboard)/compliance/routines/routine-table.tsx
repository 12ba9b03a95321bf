"use client";

import { Empty } from "../../../../components/states";
import { leadTimeText, type Routine, RoutineFacts } from "./routine-facts";
import { type Assignees, RoutineForm } from "./routine-form";

/** The organization's routines, one per row: read-only, or each row its own form for those who may change it. */
export function RoutineTable({ routines, assignees }: { routines: Routine[]; assignees: Assignees | undefined }) {
  if (routines.length === 0) return <Empty>No routine yet: each periodic check applied to a site has one.</Empty>;
  return (
    <div className="table-wrap">
      <table className="records routine-table">
        <caption className="visually-hidden">Routines: who each check goes to, and how early it is planned</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Rule</th>
            <th scope="col">Every</th>
            <th scope="col">Status</th>
            <th scope="col">Assigned to</th>
            <th scope="col">Lead time</th>
            <th scope="col">Active</th>
            {assignees ? <th scope="col">Save</th> : null}
          </tr>
        </thead>
        <tbody>
          {routines.map((routine) =>
            assignees ? (
              <RoutineForm key={routine.id} routine={routine} assignees={assignees} />
            ) : (
              <tr key={routine.id}>
                <RoutineFacts routine={routine} />
                <td>{assigneeText(routine) ?? <span className="muted">Nobody</span>}</td>
                <td>{leadTimeText(routine.leadDays)}</td>
                <td>{routine.active ? "Active" : "Paused"}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function assigneeText(routine: Routine): string | null {
  const people = [
    routine.assignedContact && `${routine.assignedContact.name} (${routine.assignedContact.companyName})`,
    routine.assignedProfile?.name,
  ].filter(Boolean);
  return people.length === 0 ? null : people.join(" and ");
}
