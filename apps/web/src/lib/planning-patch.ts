import type { PlanningValues } from "../components/planning-fields";
import { assigneeChoice } from "./assignee-choice";
import { zonedInputToIso } from "./dates";

export interface EditedPlanning extends PlanningValues {
  description: string;
}

/**
 * The planning fields of an edit form that differ from what it opened with, as the PATCH names them. An
 * emptied assignee is not sent: the documented PATCH has no way to unassign (see `assigneeControl`).
 */
export function planningPatch(
  values: EditedPlanning,
  initial: EditedPlanning,
  timeZone: string,
  assigneeField: "assignedProfileId" | "assignedUserId",
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (values.description !== initial.description) patch.description = values.description;
  if (values.scheduledStart !== initial.scheduledStart)
    patch.scheduledStart = zonedInputToIso(values.scheduledStart, timeZone);
  if (values.scheduledEnd !== initial.scheduledEnd) patch.scheduledEnd = zonedInputToIso(values.scheduledEnd, timeZone);
  if (values.creationStatus !== initial.creationStatus) patch.creationStatus = Number(values.creationStatus);
  // The one chosen is sent when the choice changed, even if it was assigned already beside one of the other kind.
  if (assigneeChoice(values) !== assigneeChoice(initial)) {
    if (values.assignedCompanyContactId) patch.assignedCompanyContactId = Number(values.assignedCompanyContactId);
    if (values.assignee) patch[assigneeField] = Number(values.assignee);
  }
  return patch;
}
