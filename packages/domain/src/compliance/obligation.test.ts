import { describe, expect, it } from "vitest";
import { InterventionStatus } from "../intervention/enums";
import { type CoveringIntervention, latestDone, nextOpen, ObligationStatus, obligationState } from "./obligation";

const PARIS = "Europe/Paris";
const S = InterventionStatus;

let nextId = 1;
function covering(status: InterventionStatus, end: string, actualEnd: string | null = null): CoveringIntervention {
  const scheduledEnd = new Date(end);
  return {
    id: nextId++,
    status,
    scheduledStart: new Date(scheduledEnd.getTime() - 3_600_000),
    scheduledEnd,
    actualEnd: actualEnd === null ? null : new Date(actualEnd),
  };
}

const state = (lastDone: ReturnType<typeof latestDone>, now: string, periodicityMonths = 12) =>
  obligationState({ lastDone, periodicityMonths, timeZone: PARIS, warningDays: 30, now: new Date(now) });

describe("latestDone", () => {
  it("is nothing when no covering work was done", () => {
    expect(latestDone([])).toBeNull();
    expect(latestDone([covering(S.scheduled, "2026-01-10T10:00:00Z")])).toBeNull();
  });

  it("ignores rejected and cancelled work, however recent", () => {
    const accepted = covering(S.accepted, "2025-06-10T10:00:00Z");
    const rejected = covering(S.rejected, "2026-01-10T10:00:00Z");
    const cancelled = covering(S.cancelled, "2026-02-10T10:00:00Z");
    expect(latestDone([rejected, accepted, cancelled])).toEqual({
      at: accepted.scheduledEnd,
      pendingVerification: false,
    });
  });

  it("counts work awaiting verification as done, and says it is pending", () => {
    const accepted = covering(S.accepted, "2025-06-10T10:00:00Z");
    const pending = covering(S.awaitingVerification, "2026-01-10T10:00:00Z");
    expect(latestDone([accepted, pending])).toEqual({ at: pending.scheduledEnd, pendingVerification: true });
  });

  it("dates done work by its actual end, else its scheduled end", () => {
    const late = covering(S.accepted, "2026-01-10T10:00:00Z", "2026-01-12T16:00:00Z");
    expect(latestDone([late])?.at.toISOString()).toBe("2026-01-12T16:00:00.000Z");
  });
});

describe("nextOpen", () => {
  it("is the earliest scheduled covering intervention still to do", () => {
    const later = covering(S.toSchedule, "2026-09-01T10:00:00Z");
    const sooner = covering(S.scheduled, "2026-08-01T10:00:00Z");
    const done = covering(S.accepted, "2026-07-01T10:00:00Z");
    expect(nextOpen([later, done, sooner])?.id).toBe(sooner.id);
    expect(nextOpen([done])).toBeNull();
  });
});

describe("obligationState", () => {
  it("is neverDone without done work, with no due date", () => {
    expect(state(null, "2026-12-03T10:00:00Z")).toEqual({
      status: ObligationStatus.neverDone,
      lastDoneAt: null,
      pendingVerification: false,
      dueAt: null,
    });
  });

  it("is overdue when the extinguisher check was accepted 13 months ago", () => {
    const lastDone = latestDone([covering(S.accepted, "2025-11-03T09:00:00Z")]);
    const result = state(lastDone, "2026-12-03T10:00:00Z");
    expect(result.status).toBe(ObligationStatus.overdue);
    expect(result.dueAt?.toISOString()).toBe("2026-11-03T09:00:00.000Z");
  });

  it("is overdue from the due instant itself", () => {
    const lastDone = latestDone([covering(S.accepted, "2025-12-03T10:00:00Z")]);
    expect(state(lastDone, "2026-12-03T10:00:00Z").status).toBe(ObligationStatus.overdue);
    expect(state(lastDone, "2026-12-03T09:59:59.999Z").status).toBe(ObligationStatus.dueSoon);
  });

  it("is dueSoon within the warning window and compliant before it", () => {
    const lastDone = latestDone([covering(S.accepted, "2026-01-15T08:00:00Z")]);
    // Due 15 April 09:00 in Paris; the window opens 30 calendar days earlier, 16 March 09:00.
    expect(state(lastDone, "2026-03-16T07:59:59Z", 3).status).toBe(ObligationStatus.compliant);
    expect(state(lastDone, "2026-03-16T08:00:00Z", 3).status).toBe(ObligationStatus.dueSoon);
    expect(state(lastDone, "2026-04-15T07:00:00Z", 3).status).toBe(ObligationStatus.overdue);
  });

  it("keeps the pending flag of work awaiting verification, which still counts as done", () => {
    const lastDone = latestDone([covering(S.awaitingVerification, "2026-11-20T10:00:00Z")]);
    const result = state(lastDone, "2026-12-03T10:00:00Z");
    expect(result).toMatchObject({ status: ObligationStatus.compliant, pendingVerification: true });
  });

  it("does not count a rejected check: the obligation stays where the last accepted one left it", () => {
    const result = state(
      latestDone([covering(S.accepted, "2025-10-01T10:00:00Z"), covering(S.rejected, "2026-11-01T10:00:00Z")]),
      "2026-12-03T10:00:00Z",
    );
    expect(result.status).toBe(ObligationStatus.overdue);
  });

  it("does not count a cancelled check either", () => {
    expect(state(latestDone([covering(S.cancelled, "2026-11-01T10:00:00Z")]), "2026-12-03T10:00:00Z").status).toBe(
      ObligationStatus.neverDone,
    );
  });
});
