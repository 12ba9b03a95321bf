import { validationError } from "../errors";

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
