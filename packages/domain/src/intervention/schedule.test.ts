import { describe, expect, it } from "vitest";
import { DomainError, ErrorCode } from "../errors";
import { InterventionStatus } from "./enums";
import {
  assertNotInFuture,
  assertScheduleInOrder,
  CLOCK_SKEW_MS,
  completionTimes,
  isOverdue,
  isScheduleInOrder,
} from "./schedule";

const start = new Date("2024-12-01T12:34:56.000Z");
const at = (ms: number) => new Date(start.getTime() + ms);

function thrown(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("isScheduleInOrder", () => {
  it("accepts an end equal to the start", () => {
    expect(isScheduleInOrder(start, at(0))).toBe(true);
  });

  it("accepts an end after the start", () => {
    expect(isScheduleInOrder(start, at(1))).toBe(true);
    expect(isScheduleInOrder(start, at(4 * 24 * 60 * 60 * 1000))).toBe(true);
  });

  it("rejects an end 1 ms before the start", () => {
    expect(isScheduleInOrder(start, at(-1))).toBe(false);
  });
});

describe("assertScheduleInOrder", () => {
  it("does not throw for an end equal to the start", () => {
    expect(() => assertScheduleInOrder(start, at(0))).not.toThrow();
  });

  it("throws VALIDATION_FAILED at scheduledEnd for an end 1 ms before the start", () => {
    const error = thrown(() => assertScheduleInOrder(start, at(-1)));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: ErrorCode.validationFailed,
      message: "scheduledEnd: scheduledEnd must not be before scheduledStart",
      issues: [{ path: "scheduledEnd", message: "scheduledEnd must not be before scheduledStart" }],
    });
  });
});

describe("assertNotInFuture", () => {
  const now = start;

  it("allows five minutes of clock skew", () => {
    expect(CLOCK_SKEW_MS).toBe(5 * 60 * 1000);
  });

  it.each([
    ["in the past", -60_000],
    ["exactly now", 0],
    ["exactly now plus the skew", CLOCK_SKEW_MS],
  ])("accepts a time %s", (_label, offset) => {
    expect(() => assertNotInFuture("actualStart", at(offset), now)).not.toThrow();
  });

  it("throws VALIDATION_FAILED at the given path 1 ms beyond the skew", () => {
    const error = thrown(() => assertNotInFuture("actualStart", at(CLOCK_SKEW_MS + 1), now));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: ErrorCode.validationFailed,
      message: "actualStart: must not be in the future",
      issues: [{ path: "actualStart", message: "must not be in the future" }],
    });
  });
});

describe("completionTimes", () => {
  const at = (iso: string) => new Date(iso);
  const now = at("2026-11-23T10:00:00.000Z");

  it("takes the schedule when it is over", () => {
    const times = {
      scheduledStart: at("2026-11-20T08:00:00Z"),
      scheduledEnd: at("2026-11-20T10:00:00Z"),
      actualStart: null,
      actualEnd: null,
    };
    expect(completionTimes(times, now)).toEqual({ actualStart: times.scheduledStart, actualEnd: times.scheduledEnd });
  });

  it("never places work after now, nor an end before the start", () => {
    const times = {
      scheduledStart: at("2026-12-01T08:00:00Z"),
      scheduledEnd: at("2026-12-01T10:00:00Z"),
      actualStart: null,
      actualEnd: null,
    };
    expect(completionTimes(times, now)).toEqual({ actualStart: now, actualEnd: now });
  });

  it("keeps actual times already recorded", () => {
    const actualStart = at("2026-11-20T08:30:00Z");
    const actualEnd = at("2026-11-20T09:10:00Z");
    const times = {
      scheduledStart: at("2026-11-20T08:00:00Z"),
      scheduledEnd: at("2026-11-20T10:00:00Z"),
      actualStart,
      actualEnd,
    };
    expect(completionTimes(times, now)).toEqual({ actualStart, actualEnd });
  });
});

describe("isOverdue", () => {
  const end = new Date("2026-11-20T17:00:00.000Z");
  const after = new Date("2026-11-20T17:00:01.000Z");

  it("is open work past its scheduled end", () => {
    expect(isOverdue(InterventionStatus.scheduled, end, after)).toBe(true);
    expect(isOverdue(InterventionStatus.toSchedule, end, after)).toBe(true);
    expect(isOverdue(InterventionStatus.inProgress, end, after)).toBe(true);
  });

  it("is never work that is done, decided or cancelled, nor work whose end has not passed", () => {
    for (const status of [
      InterventionStatus.awaitingVerification,
      InterventionStatus.accepted,
      InterventionStatus.rejected,
      InterventionStatus.cancelled,
    ]) {
      expect(isOverdue(status, end, after)).toBe(false);
    }
    expect(isOverdue(InterventionStatus.scheduled, end, end)).toBe(false);
  });
});
