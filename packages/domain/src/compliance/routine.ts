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
