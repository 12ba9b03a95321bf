import { intlLocaleOf } from "../i18n/locale";

// Dates typed as the page's language writes them ("02/12/2026 09:30" in French and British English), read back
// into the values forms keep (`2026-12-02T09:30`, `2026-12-02`). A browser's own date field follows the
// browser's language, not the page's: an English Chromium shows mm/dd/yyyy to a French user.

export type DateTextKind = "date" | "dateTime";
type Part = "day" | "month" | "year";

/** The order of day, month and year in the language, and what stands between them. */
export function dateOrder(locale: string): { order: Part[]; separator: string } {
  const parts = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "UTC",
  }).formatToParts(new Date(Date.UTC(2026, 11, 2)));
  const order = parts.map((part) => part.type).filter((type): type is Part => ["day", "month", "year"].includes(type));
  const separator = parts.find((part) => part.type === "literal")?.value ?? "/";
  return { order, separator };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?$/;

/** A form's value (`2026-12-02T09:30`) as the language writes it; anything else (what was typed) as it is. */
export function formatDateText(value: string, locale: string, kind: DateTextKind): string {
  const match = ISO.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute] = match;
  const { order, separator } = dateOrder(locale);
  const fields: Record<Part, string> = { day: day ?? "", month: month ?? "", year: year ?? "" };
  const date = order.map((part) => fields[part]).join(separator);
  return kind === "dateTime" && hour !== undefined ? `${date} ${hour.padStart(2, "0")}:${minute}` : date;
}

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * What was typed, read in the language's order (any separator: `2/12/2026 9:30`, `02.12.2026`), or as an ISO
 * value (a pasted one, a test's): the form's value, or null when it is not a real date (31/02) and time.
 */
export function parseDateText(text: string, locale: string, kind: DateTextKind): string | null {
  const trimmed = text.trim();
  let year: number;
  let month: number;
  let day: number;
  let time: [number, number] | undefined;
  const iso = ISO.exec(trimmed);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) time = [Number(iso[4]), Number(iso[5])];
  } else {
    const numbers = trimmed.split(/[^0-9]+/).filter(Boolean);
    if (numbers.length !== 3 && numbers.length !== 5) return null;
    const { order } = dateOrder(locale);
    const at = (part: Part) => numbers[order.indexOf(part)] ?? "";
    if (at("year").length !== 4) return null;
    [year, month, day] = [Number(at("year")), Number(at("month")), Number(at("day"))];
    if (numbers.length === 5) time = [Number(numbers[3]), Number(numbers[4])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const calendarDay = `${year}-${pad(month)}-${pad(day)}`;
  if (kind === "date") return time === undefined ? calendarDay : null;
  if (time === undefined || time[0] > 23 || time[1] > 59) return null;
  return `${calendarDay}T${pad(time[0])}:${pad(time[1])}`;
}
