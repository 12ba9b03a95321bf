import { subtractCalendarDays } from "./calendar";
import type { ObligationState } from "./obligation";

export const DEFAULT_LEAD_DAYS = 30;

export interface RoutinePlan {
  leadDays: number;
  /** The first due date, for an obligation never done. */
  firstDueAt: Date;
}

/**
 * The occurrence a routine must plan now, if any: the obligation's due date (or the routine's first one,
 * never done yet) once `leadDays` before it is reached, and only while nothing is planned for it. After
 * downtime this is still one occurrence, the current one: due dates follow done work, not a calendar.
 */
export function occurrenceToPlan(input: {
  obligation: Pick<ObligationState, "dueAt">;
  /** Whether an open covering intervention exists already. */
  planned: boolean;
  routine: RoutinePlan;
  timeZone: string;
  now: Date;
}): Date | null {
  if (input.planned) return null;
  const dueAt = input.obligation.dueAt ?? input.routine.firstDueAt;
  const planFrom = subtractCalendarDays(dueAt, input.routine.leadDays, input.timeZone);
  return planFrom.getTime() <= input.now.getTime() ? dueAt : null;
}

/** How long a check a routine plans is booked for. */
export const ROUTINE_CHECK_HOURS = 1;

/**
 * When a routine's check is booked: the hour that ends on the due date. Done as booked, its end is the
 * next occurrence's start of count, so the next due date keeps the same local time, year after year.
 */
export function routineCheckWindow(dueAt: Date): { scheduledStart: Date; scheduledEnd: Date } {
  return { scheduledStart: new Date(dueAt.getTime() - ROUTINE_CHECK_HOURS * 3_600_000), scheduledEnd: dueAt };
}
