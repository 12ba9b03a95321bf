import { DomainError, ErrorCode } from "../errors";
import { ProfileRole } from "../profile/roles";
import { InterventionStatus } from "./enums";
import { EDITABLE_STATUSES } from "./lifecycle";

export const Operation = {
  read: "read",
  createUnplannedPreventive: "createUnplannedPreventive",
  createCurative: "createCurative",
  /** A preventive check planned from the dashboard (the compliance grid), as routines plan them. */
  planPreventive: "planPreventive",
  updatePreventive: "updatePreventive",
  updateTrainingExercise: "updateTrainingExercise",
  verify: "verify",
  /** The code PIN is the client's proof that the technician came: it is not shown to the technician. */
  readCodePin: "readCodePin",
  /** Where the organization's obligations stand: the client's own register, not a provider's business. */
  readCompliance: "readCompliance",
  /** The routines behind the checks: what plans each one, for whom, how early. Read like the register. */
  readRoutines: "readRoutines",
  /** Who a routine's checks go to, its lead time, whether it plans: those who plan checks decide. */
  updateRoutine: "updateRoutine",
  /** The organization's members and their sessions: an admin may sign a member out everywhere. */
  manageMembers: "manageMembers",
  /** Where the organization's changes are posted (webhooks) and with which secret: admins decide. */
  manageWebhooks: "manageWebhooks",
} as const;
export type Operation = (typeof Operation)[keyof typeof Operation];

const R = ProfileRole;

/** Who may do what. Providers record work on site; only the client's admins and managers plan and verify. */
export const ROLES_ALLOWED: Readonly<Record<Operation, readonly ProfileRole[]>> = {
  read: [R.admin, R.manager, R.viewer, R.provider],
  createUnplannedPreventive: [R.admin, R.manager, R.provider],
  createCurative: [R.admin, R.manager],
  planPreventive: [R.admin, R.manager],
  updatePreventive: [R.admin, R.manager],
  updateTrainingExercise: [R.admin, R.manager],
  verify: [R.admin, R.manager],
  readCodePin: [R.admin, R.manager],
  readCompliance: [R.admin, R.manager, R.viewer],
  readRoutines: [R.admin, R.manager, R.viewer],
  updateRoutine: [R.admin, R.manager],
  manageMembers: [R.admin],
  manageWebhooks: [R.admin],
};

/** In which states an operation on an existing intervention is allowed; creations have no prior state. */
export const STATES_ALLOWED: Readonly<Partial<Record<Operation, readonly InterventionStatus[]>>> = {
  updatePreventive: EDITABLE_STATUSES,
  updateTrainingExercise: EDITABLE_STATUSES,
  verify: [InterventionStatus.awaitingVerification],
};

export function roleAllows(role: ProfileRole, operation: Operation): boolean {
  return ROLES_ALLOWED[operation].includes(role);
}

export function assertRoleAllows(role: ProfileRole, operation: Operation): void {
  if (!roleAllows(role, operation)) {
    throw new DomainError(ErrorCode.forbidden, "Your role does not allow this operation");
  }
}

export function stateAllows(status: InterventionStatus, operation: Operation): boolean {
  const allowed = STATES_ALLOWED[operation];
  return allowed === undefined || allowed.includes(status);
}

export function assertStateAllows(status: InterventionStatus, operation: Operation): void {
  if (!stateAllows(status, operation)) {
    throw new DomainError(ErrorCode.invalidState, "The intervention's status does not allow this operation");
  }
}
