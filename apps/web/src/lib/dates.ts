import { intlLocaleOf } from "../i18n/locale";

// Dates are stored in UTC and shown, and typed in forms, in the organization's time zone; they are written
// the way the page's language writes them (English the British way).

export function formatDateTime(iso: string | Date | null | undefined, timeZone: string, locale: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
}

/** A calendar day (YYYY-MM-DD) as a planning writes it: "Mon 7 Dec", "lun. 7 déc.". */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}

/** A month (YYYY-MM) in words: "December 2026", "décembre 2026". */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** Milliseconds to add to UTC to get the wall-clock time in the zone at that instant. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** `2026-12-01T09:30` as typed in a datetime-local field, read in the zone → an ISO instant in UTC. */
export function zonedInputToIso(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle instants near a daylight-saving change.
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An ISO instant → the value of a datetime-local field showing it in the zone. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  return new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 16);
}

/** Midnight of a calendar day (YYYY-MM-DD) in the zone, as an ISO instant. */
export function zonedDayStartIso(day: string, timeZone: string): string {
  return zonedInputToIso(`${day}T00:00`, timeZone);
}

/** The calendar day (YYYY-MM-DD) of an instant in the zone. */
export function zonedDay(iso: string | Date, timeZone: string): string {
  return isoToZonedInput(new Date(iso).toISOString(), timeZone).slice(0, 10);
}

/** Calendar arithmetic on YYYY-MM-DD, free of time zones. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
