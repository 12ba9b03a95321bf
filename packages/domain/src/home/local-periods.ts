import { Temporal } from "temporal-polyfill";

// The home page's periods are the organization's days and weeks: "today" in Lyon starts at midnight there.

function zoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

const toDate = (zonedDateTime: Temporal.ZonedDateTime) => new Date(zonedDateTime.epochMilliseconds);

/** Midnight of `instant`'s day in `timeZone`, `days` days later (a local day is not always 24 hours). */
export function localDayStart(instant: Date, timeZone: string, days = 0): Date {
  return toDate(zoned(instant, timeZone).startOfDay().add({ days }).startOfDay());
}

/** The local week holding `instant`: from Monday midnight to the next Monday midnight (ISO weeks). */
export function localWeek(instant: Date, timeZone: string): { start: Date; end: Date } {
  const day = zoned(instant, timeZone).startOfDay();
  const monday = day.subtract({ days: day.dayOfWeek - 1 }).startOfDay();
  return { start: toDate(monday), end: toDate(monday.add({ weeks: 1 }).startOfDay()) };
}
