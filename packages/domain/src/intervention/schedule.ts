import { validationError } from "../errors";
import type { InterventionStatus } from "./enums";
import { OPEN_STATUSES } from "./lifecycle";

/** `scheduledEnd` may equal `scheduledStart` (a same-minute check) but never precede it. */
export function isScheduleInOrder(start: Date, end: Date): boolean {
  return end.getTime() >= start.getTime();
}

export function assertScheduleInOrder(start: Date, end: Date): void {
  if (!isScheduleInOrder(start, end)) {
    throw validationError([{ path: "scheduledEnd", message: "scheduledEnd must not be before scheduledStart" }]);
  }
}

/** Clocks on phones drift: a start reported a few minutes ahead of the server is still believed. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function assertNotInFuture(path: string, at: Date, now: Date): void {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw validationError([{ path, message: "must not be in the future" }]);
  }
}

export interface WorkTimes {
  scheduledStart: Date;
  scheduledEnd: Date;
  actualStart: Date | null;
  actualEnd: Date | null;
}

/**
 * The actual times of work recorded as done without them, the same on every path: it took place as
 * scheduled, but not later than now.
 */
export function completionTimes(times: WorkTimes, now: Date): { actualStart: Date; actualEnd: Date } {
  const actualStart = times.actualStart ?? new Date(Math.min(times.scheduledStart.getTime(), now.getTime()));
  const end = times.actualEnd?.getTime() ?? Math.min(times.scheduledEnd.getTime(), now.getTime());
  return { actualStart, actualEnd: new Date(Math.max(end, actualStart.getTime())) };
}

/** Work still open after its scheduled end is overdue: the planning marks it, the register warns. */
export function isOverdue(status: InterventionStatus, scheduledEnd: Date, now: Date): boolean {
  return OPEN_STATUSES.includes(status) && scheduledEnd.getTime() < now.getTime();
}
