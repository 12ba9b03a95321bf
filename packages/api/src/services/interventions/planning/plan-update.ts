import type { FieldChanges, interventions, Transaction } from "@interventions/db";
import {
  assertScheduleInOrder,
  assertTransition,
  CreationStatus,
  completionTimes,
  InterventionStatus,
  statusForCreationStatus,
} from "@interventions/domain";
import type { ServiceContext } from "../../../context";
import { diffFields } from "../history/diff-fields";
import type { InterventionRow } from "../lookups/lock-intervention";
import { type ProfileFacts, resolveContact } from "../lookups/people";
import { codePinFor } from "./code-pin";

/** The planning fields both update paths share, with people already resolved to members. */
export interface PlanningInput {
  description?: string | undefined;
  scheduledStart?: string | undefined;
  scheduledEnd?: string | undefined;
  creationStatus?: CreationStatus | undefined;
  assignedCompanyContactId?: number | undefined;
  assignee?: ProfileFacts | undefined;
  /** Clears the assignee, contact and member alike (the provider company stays). */
  unassign?: boolean | undefined;
  /** The contact or member given replaces the other kind too: the dashboard's one assignee control. */
  replaceAssignee?: boolean | undefined;
  /** Marks the intervention done now (a validated training exercise). */
  complete?: boolean;
}

export type InterventionChanges = Partial<typeof interventions.$inferInsert>;

/** The new values of the planning fields, checked against the lifecycle and the schedule order. */
export async function planUpdate(
  tx: Transaction,
  ctx: ServiceContext,
  current: InterventionRow,
  input: PlanningInput,
): Promise<InterventionChanges> {
  const scheduledStart = input.scheduledStart ? new Date(input.scheduledStart) : current.scheduledStart;
  const scheduledEnd = input.scheduledEnd ? new Date(input.scheduledEnd) : current.scheduledEnd;
  assertScheduleInOrder(scheduledStart, scheduledEnd);

  const creationStatus = input.complete ? CreationStatus.done : (input.creationStatus ?? current.creationStatus);
  const status =
    input.complete || input.creationStatus !== undefined ? statusForCreationStatus(creationStatus) : current.status;
  if (status !== current.status) assertTransition(current.status, status);

  const contact = await resolveContact(tx, ctx.actor.organizationId, input.assignedCompanyContactId);
  const values: InterventionChanges = {
    description: input.description ?? current.description,
    scheduledStart,
    scheduledEnd,
    creationStatus,
    status,
    codePin: codePinFor(status, current.codePin),
    ...assignees(current, input, contact?.id),
    companyId: contact?.companyId ?? current.companyId,
  };
  if (status === InterventionStatus.awaitingVerification && current.status !== status) {
    Object.assign(values, completionTimes({ ...current, scheduledStart, scheduledEnd }, ctx.now));
  }
  return values;
}

/** Who is assigned after the change: as asked, nobody, or the one given in place of either kind. */
function assignees(
  current: InterventionRow,
  input: PlanningInput,
  contactId: number | undefined,
): Pick<InterventionChanges, "assignedCompanyContactId" | "assignedProfileId"> {
  if (input.unassign) return { assignedCompanyContactId: null, assignedProfileId: null };
  // The schema sees to it that a replacing input names exactly one of the two.
  const kept = (value: number | null) => (input.replaceAssignee ? null : value);
  return {
    assignedCompanyContactId: contactId ?? kept(current.assignedCompanyContactId),
    assignedProfileId: input.assignee?.id ?? kept(current.assignedProfileId),
  };
}

/** Field changes for the history; the code PIN is a credential and stays out of it. */
export function planningChanges(current: InterventionRow, values: InterventionChanges): FieldChanges {
  const { codePin: _pin, ...tracked } = values;
  return diffFields(current, tracked);
}
