import type { UpdateRoutineInput } from "@interventions/domain";

// A routine's form: one select for who its checks go to (a provider's contact, a member, or nobody), its
// lead time as typed, and whether it plans. Only what differs from what the form opened with is sent.

export interface RoutineValues {
  /** "contact:12", "profile:5", or "" for nobody. */
  assignee: string;
  leadDays: string;
  active: boolean;
}

interface RoutineFacts {
  assignedContact: { id: number } | null;
  assignedProfile: { id: number } | null;
  leadDays: number;
  active: boolean;
}

export const contactOption = (id: number) => `contact:${id}`;
export const profileOption = (id: number) => `profile:${id}`;

/** The form's values for a routine; one assigned both ways shows its contact (the select holds one). */
export function routineValues(routine: RoutineFacts): RoutineValues {
  const assignee = routine.assignedContact
    ? contactOption(routine.assignedContact.id)
    : routine.assignedProfile
      ? profileOption(routine.assignedProfile.id)
      : "";
  return { assignee, leadDays: String(routine.leadDays), active: routine.active };
}

function assigneeFields(value: string): Pick<UpdateRoutineInput, "assignedCompanyContactId" | "assignedProfileId"> {
  const [kind, id] = value.split(":");
  if (kind === "contact") return { assignedCompanyContactId: Number(id), assignedProfileId: null };
  if (kind === "profile") return { assignedCompanyContactId: null, assignedProfileId: Number(id) };
  return { assignedCompanyContactId: null, assignedProfileId: null };
}

/** The update to send: the routine and the fields that changed (an empty lead time is no number). */
export function routinePatch(routineId: number, initial: RoutineValues, values: RoutineValues): UpdateRoutineInput {
  const leadDays = values.leadDays.trim();
  return {
    routineId,
    ...(values.assignee !== initial.assignee && assigneeFields(values.assignee)),
    ...(leadDays !== initial.leadDays && { leadDays: leadDays === "" ? Number.NaN : Number(leadDays) }),
    ...(values.active !== initial.active && { active: values.active }),
  };
}
