import { Temporal } from "temporal-polyfill";

// Dates of obligations are calendar dates where the organization is: "every 3 months" from a check at
// 09:00 in Paris is 09:00 in Paris three months later, whatever daylight saving did in between.

function zoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

/**
 * The same local time, `months` calendar months later in `timeZone`. A day the target month lacks becomes
 * its last day (31 January + 1 month = the last day of February); a local time that does not exist that
 * day (the hour skipped in spring) moves forward by the gap, as clocks do.
 */
export function addCalendarMonths(instant: Date, months: number, timeZone: string): Date {
  const later = zoned(instant, timeZone).add({ months }, { overflow: "constrain" });
  return new Date(later.epochMilliseconds);
}

/** The same local time, `days` calendar days earlier in `timeZone` (a day is not always 24 hours). */
export function subtractCalendarDays(instant: Date, days: number, timeZone: string): Date {
  return new Date(zoned(instant, timeZone).subtract({ days }).epochMilliseconds);
}

/** Whether `timeZone` is an IANA zone this runtime knows (organizations store one). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}
