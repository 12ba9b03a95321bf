/** The two fields behind the one assignee control: a provider contact id or a member id, as strings. */
export interface AssigneeValues {
  assignedCompanyContactId: string;
  assignee: string;
}

/**
 * The one assignee control's value: the provider contact if there is one, else the member (`contact:3`,
 * `member:5`), else "" (nobody). Picking one empties the other.
 */
export function assigneeChoice(values: AssigneeValues): string {
  if (values.assignedCompanyContactId) return `contact:${values.assignedCompanyContactId}`;
  if (values.assignee) return `member:${values.assignee}`;
  return "";
}

export function parseAssigneeChoice(choice: string): { contact: string; member: string } {
  const [kind, id = ""] = choice.split(":");
  return { contact: kind === "contact" ? id : "", member: kind === "member" ? id : "" };
}

/**
 * What an edit form asks of the tRPC update beside its PATCH, when its one assignee control changed: the
 * documented PATCH only ever adds an assignee, so the choice says it replaces whoever was assigned, of either
 * kind, and "Nobody" says it unassigns.
 */
export function assigneeControl(
  values: AssigneeValues,
  initial: AssigneeValues,
): { replaceAssignee?: true; unassign?: true } {
  const chosen = assigneeChoice(values);
  if (chosen === assigneeChoice(initial)) return {};
  return chosen === "" ? { unassign: true } : { replaceAssignee: true };
}
