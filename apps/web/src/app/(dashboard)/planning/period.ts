import { addDays } from "../../../lib/dates";

export type PlanningView = "week" | "month";

/** Monday of the week of a calendar day. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The days a view shows around an anchor day: one week, or the whole weeks that cover its month (≤ 42 days). */
export function periodDays(view: PlanningView, anchor: string): string[] {
  if (view === "week") {
    const start = weekStart(anchor);
    return Array.from({ length: 7 }, (_, index) => addDays(start, index));
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const last = addDays(shiftAnchor("month", first, 1), -1);
  const end = addDays(weekStart(last), 6);
  const days: string[] = [];
  for (let day = weekStart(first); day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The anchor of the previous or next period. */
export function shiftAnchor(view: PlanningView, anchor: string, direction: -1 | 1): string {
  if (view === "week") return addDays(anchor, 7 * direction);
  const [year, month] = anchor.split("-").map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, month - 1 + direction, 1));
  return shifted.toISOString().slice(0, 10);
}
