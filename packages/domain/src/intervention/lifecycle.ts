import { DomainError, ErrorCode } from "../errors";
import { CreationStatus, InterventionStatus } from "./enums";

const S = InterventionStatus;

/** Every move the lifecycle allows; anything not listed is refused. */
export const STATUS_TRANSITIONS: Readonly<Record<InterventionStatus, readonly InterventionStatus[]>> = {
  [S.toSchedule]: [S.scheduled, S.awaitingVerification, S.cancelled],
  [S.scheduled]: [S.toSchedule, S.inProgress, S.awaitingVerification, S.cancelled],
  [S.inProgress]: [S.awaitingVerification, S.cancelled],
  [S.awaitingVerification]: [S.accepted, S.rejected],
  [S.accepted]: [],
  [S.rejected]: [],
  [S.cancelled]: [],
};

/** States in which planning fields (dates, links, assignee) may still change. */
export const EDITABLE_STATUSES: readonly InterventionStatus[] = [S.toSchedule, S.scheduled];

/** States in which the intervention is still to be done: it can be cancelled and shows in planning. */
export const OPEN_STATUSES: readonly InterventionStatus[] = [S.toSchedule, S.scheduled, S.inProgress];

/** States not yet decided: a curative in one of them holds its anomalies. */
export const ACTIVE_STATUSES: readonly InterventionStatus[] = [...OPEN_STATUSES, S.awaitingVerification];

export function canTransition(from: InterventionStatus, to: InterventionStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: InterventionStatus, to: InterventionStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError(
      ErrorCode.invalidState,
      `An intervention cannot go from ${statusLabel(from)} to ${statusLabel(to)}`,
    );
  }
}

/** The status an intervention takes when a client states its creation status. */
export function statusForCreationStatus(creationStatus: CreationStatus): InterventionStatus {
  switch (creationStatus) {
    case CreationStatus.toScheduled:
      return S.toSchedule;
    case CreationStatus.scheduled:
      return S.scheduled;
    case CreationStatus.done:
      return S.awaitingVerification;
  }
}

/** Only a confirmed schedule gets a code PIN: the technician types it on site to start. */
export function needsCodePin(status: InterventionStatus): boolean {
  return status === S.scheduled || status === S.inProgress;
}

export function statusLabel(status: InterventionStatus): string {
  return STATUS_LABELS[status];
}

const STATUS_LABELS: Readonly<Record<InterventionStatus, string>> = {
  [S.toSchedule]: "to schedule",
  [S.scheduled]: "scheduled",
  [S.inProgress]: "in progress",
  [S.awaitingVerification]: "awaiting verification",
  [S.accepted]: "accepted",
  [S.rejected]: "rejected",
  [S.cancelled]: "cancelled",
};
