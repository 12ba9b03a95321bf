import { describe, expect, it } from "vitest";
import { enumValues } from "../enum";
import { DomainError, ErrorCode, isDomainError } from "../errors";
import { ProfileRole } from "../profile/roles";
import { InterventionStatus } from "./enums";
import { EDITABLE_STATUSES } from "./lifecycle";
import {
  assertRoleAllows,
  assertStateAllows,
  Operation,
  ROLES_ALLOWED,
  roleAllows,
  STATES_ALLOWED,
  stateAllows,
} from "./permissions";

const ROLES = enumValues(ProfileRole);
const STATUSES = enumValues(InterventionStatus);
const OPERATIONS = Object.values(Operation);
const R = ProfileRole;
const S = InterventionStatus;

// Who may do what, as the roles are described: viewers read only, providers read and record on site,
// admins and managers do everything, and only they see the code PIN (the technician must get it on site);
// the compliance register is the client's: its members read it, providers do not; its routines are read
// the same way, and changed only by those who plan checks; only admins manage members' sessions.
const EXPECTED_ROLES: Record<Operation, readonly ProfileRole[]> = {
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

const ROLE_PAIRS = ROLES.flatMap((role) => OPERATIONS.map((operation) => [role, operation] as const));
const STATE_PAIRS = STATUSES.flatMap((status) => OPERATIONS.map((operation) => [status, operation] as const));

function thrown(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectedStateAllows(status: InterventionStatus, operation: Operation): boolean {
  if (operation === Operation.verify) return status === S.awaitingVerification;
  if (operation === Operation.updatePreventive || operation === Operation.updateTrainingExercise) {
    return status === S.toSchedule || status === S.scheduled;
  }
  return true;
}

describe("ROLES_ALLOWED", () => {
  it("covers every operation", () => {
    expect(Object.keys(ROLES_ALLOWED).sort()).toEqual([...OPERATIONS].sort());
  });

  it.each(OPERATIONS)("gives %s to the expected roles", (operation) => {
    expect([...ROLES_ALLOWED[operation]].sort()).toEqual([...EXPECTED_ROLES[operation]].sort());
  });
});

describe("roleAllows", () => {
  it.each(ROLE_PAIRS)("role %d, %s matches ROLES_ALLOWED", (role, operation) => {
    expect(roleAllows(role, operation)).toBe(ROLES_ALLOWED[operation].includes(role));
    expect(roleAllows(role, operation)).toBe(EXPECTED_ROLES[operation].includes(role));
  });
});

describe("assertRoleAllows", () => {
  it.each(ROLE_PAIRS)("role %d, %s throws FORBIDDEN exactly when the role is not allowed", (role, operation) => {
    const error = thrown(() => assertRoleAllows(role, operation));
    if (roleAllows(role, operation)) {
      expect(error).toBeUndefined();
    } else {
      expect(error).toBeInstanceOf(DomainError);
      expect(isDomainError(error) && error.code).toBe(ErrorCode.forbidden);
    }
  });

  it("refuses a viewer's verification and a provider's curative creation", () => {
    expect(() => assertRoleAllows(R.viewer, Operation.verify)).toThrow(DomainError);
    expect(() => assertRoleAllows(R.provider, Operation.createCurative)).toThrow(DomainError);
  });

  it("lets a viewer read the routines but not change one, and a provider do neither", () => {
    expect(() => assertRoleAllows(R.viewer, Operation.readRoutines)).not.toThrow();
    expect(() => assertRoleAllows(R.viewer, Operation.updateRoutine)).toThrow(DomainError);
    expect(() => assertRoleAllows(R.provider, Operation.readRoutines)).toThrow(DomainError);
    expect(() => assertRoleAllows(R.manager, Operation.updateRoutine)).not.toThrow();
  });
});

describe("STATES_ALLOWED", () => {
  it("limits updates to the editable statuses and verification to awaitingVerification", () => {
    expect(STATES_ALLOWED.updatePreventive).toEqual(EDITABLE_STATUSES);
    expect(STATES_ALLOWED.updateTrainingExercise).toEqual(EDITABLE_STATUSES);
    expect(STATES_ALLOWED.verify).toEqual([S.awaitingVerification]);
  });

  it("has no state condition for reads and creations", () => {
    expect(STATES_ALLOWED.read).toBeUndefined();
    expect(STATES_ALLOWED.createCurative).toBeUndefined();
    expect(STATES_ALLOWED.createUnplannedPreventive).toBeUndefined();
  });
});

describe("stateAllows", () => {
  it.each(STATE_PAIRS)("status %d, %s", (status, operation) => {
    expect(stateAllows(status, operation)).toBe(expectedStateAllows(status, operation));
  });

  it("allows verification only of an intervention awaiting verification", () => {
    expect(STATUSES.filter((status) => stateAllows(status, Operation.verify))).toEqual([S.awaitingVerification]);
  });

  it.each([Operation.updatePreventive, Operation.updateTrainingExercise])(
    "allows %s only in EDITABLE_STATUSES",
    (op) => {
      expect(STATUSES.filter((status) => stateAllows(status, op))).toEqual([...EDITABLE_STATUSES]);
    },
  );

  it.each([Operation.createCurative, Operation.createUnplannedPreventive, Operation.read])(
    "allows %s in any state",
    (operation) => {
      expect(STATUSES.every((status) => stateAllows(status, operation))).toBe(true);
    },
  );
});

describe("assertStateAllows", () => {
  it.each(STATE_PAIRS)("status %d, %s throws INVALID_STATE exactly when refused", (status, operation) => {
    const error = thrown(() => assertStateAllows(status, operation));
    if (expectedStateAllows(status, operation)) {
      expect(error).toBeUndefined();
    } else {
      expect(error).toBeInstanceOf(DomainError);
      expect(isDomainError(error) && error.code).toBe(ErrorCode.invalidState);
    }
  });
});
