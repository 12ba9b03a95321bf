import { describe, expect, it } from "vitest";
import { enumValues } from "../enum";
import { DomainError, ErrorCode, isDomainError } from "../errors";
import { CreationStatus, InterventionStatus } from "./enums";
import {
  assertTransition,
  canTransition,
  EDITABLE_STATUSES,
  needsCodePin,
  OPEN_STATUSES,
  STATUS_TRANSITIONS,
  statusForCreationStatus,
  statusLabel,
} from "./lifecycle";

const S = InterventionStatus;
const STATUSES = enumValues(InterventionStatus);
const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));
const FINAL_STATUSES = [S.accepted, S.rejected, S.cancelled];

function thrown(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("STATUS_TRANSITIONS", () => {
  it("has an entry for every status and only statuses as targets", () => {
    expect(Object.keys(STATUS_TRANSITIONS).map(Number).sort()).toEqual([...STATUSES].sort());
    for (const targets of Object.values(STATUS_TRANSITIONS)) {
      for (const target of targets) expect(STATUSES).toContain(target);
    }
  });

  it("never moves a status to itself", () => {
    for (const status of STATUSES) expect(STATUS_TRANSITIONS[status]).not.toContain(status);
  });

  it.each(FINAL_STATUSES)("allows nothing from the final status %d", (status) => {
    expect(STATUS_TRANSITIONS[status]).toEqual([]);
    for (const to of STATUSES) expect(canTransition(status, to)).toBe(false);
  });

  it("lets awaitingVerification go only to the client's decision", () => {
    expect([...STATUS_TRANSITIONS[S.awaitingVerification]].sort()).toEqual([S.accepted, S.rejected]);
  });

  it("lets every open status be cancelled", () => {
    for (const status of OPEN_STATUSES) expect(canTransition(status, S.cancelled)).toBe(true);
  });

  it("lets no status reach accepted or rejected except awaitingVerification", () => {
    for (const status of STATUSES.filter((status) => status !== S.awaitingVerification)) {
      expect(canTransition(status, S.accepted)).toBe(false);
      expect(canTransition(status, S.rejected)).toBe(false);
    }
  });
});

describe("canTransition", () => {
  it.each(PAIRS)("from %d to %d matches STATUS_TRANSITIONS", (from, to) => {
    expect(canTransition(from, to)).toBe(STATUS_TRANSITIONS[from].includes(to));
  });

  it.each([
    [S.toSchedule, S.scheduled],
    [S.scheduled, S.toSchedule],
    [S.scheduled, S.inProgress],
    [S.inProgress, S.awaitingVerification],
    [S.awaitingVerification, S.accepted],
    [S.awaitingVerification, S.rejected],
  ])("allows the documented move %d → %d", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    [S.toSchedule, S.inProgress],
    [S.inProgress, S.scheduled],
    [S.awaitingVerification, S.cancelled],
    [S.rejected, S.awaitingVerification],
    [S.accepted, S.rejected],
  ])("refuses %d → %d", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });
});

describe("assertTransition", () => {
  it.each(PAIRS)("from %d to %d throws INVALID_STATE exactly when the move is forbidden", (from, to) => {
    const error = thrown(() => assertTransition(from, to));
    if (canTransition(from, to)) {
      expect(error).toBeUndefined();
    } else {
      expect(error).toBeInstanceOf(DomainError);
      expect(isDomainError(error) && error.code).toBe(ErrorCode.invalidState);
    }
  });

  it("names both statuses in its message", () => {
    expect(() => assertTransition(S.accepted, S.scheduled)).toThrow(
      "An intervention cannot go from accepted to scheduled",
    );
  });
});

describe("statusForCreationStatus", () => {
  it.each([
    [CreationStatus.toScheduled, S.toSchedule],
    [CreationStatus.scheduled, S.scheduled],
    [CreationStatus.done, S.awaitingVerification],
  ])("maps the creation status %d to the status %d", (creationStatus, status) => {
    expect(statusForCreationStatus(creationStatus)).toBe(status);
  });
});

describe("needsCodePin", () => {
  it.each(STATUSES)("is true only for scheduled and inProgress (status %d)", (status) => {
    expect(needsCodePin(status)).toBe(status === S.scheduled || status === S.inProgress);
  });
});

describe("status sets", () => {
  it("lets planning change only before the visit", () => {
    expect([...EDITABLE_STATUSES].sort()).toEqual([S.toSchedule, S.scheduled]);
  });

  it("counts as open only what is still to be done", () => {
    expect([...OPEN_STATUSES].sort()).toEqual([S.toSchedule, S.scheduled, S.inProgress]);
  });
});

describe("statusLabel", () => {
  it("labels every status", () => {
    expect(STATUSES.map(statusLabel)).toEqual([
      "to schedule",
      "scheduled",
      "in progress",
      "awaiting verification",
      "accepted",
      "rejected",
      "cancelled",
    ]);
  });
});
