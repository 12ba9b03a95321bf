import { describe, expect, it } from "vitest";
import { addCalendarMonths, isKnownTimeZone, subtractCalendarDays } from "./calendar";

const PARIS = "Europe/Paris";
const NEW_YORK = "America/New_York";
const SYDNEY = "Australia/Sydney";

const local = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);

describe("addCalendarMonths", () => {
  it.each([
    ["31 January + 1 month is the last day of February", "2026-01-31T08:00:00Z", 1, "2026-02-28 09:00"],
    ["in a leap year, 29 February", "2028-01-31T08:00:00Z", 1, "2028-02-29 09:00"],
    ["29 February + 12 months is 28 February", "2024-02-29T08:00:00Z", 12, "2025-02-28 09:00"],
    ["31 March + 1 month is 30 April", "2026-03-31T07:00:00Z", 1, "2026-04-30 09:00"],
    ["31 August + 6 months is the end of February", "2027-08-31T07:00:00Z", 6, "2028-02-29 09:00"],
    ["a year across a year end", "2026-12-15T08:00:00Z", 12, "2027-12-15 09:00"],
  ])("%s (Paris)", (_label, from, months, expected) => {
    expect(local(addCalendarMonths(new Date(from), months, PARIS), PARIS)).toBe(expected);
  });

  it("keeps 09:00 in Paris across the spring change (UTC+1 → UTC+2)", () => {
    const due = addCalendarMonths(new Date("2026-01-15T08:00:00Z"), 3, PARIS);
    expect(due.toISOString()).toBe("2026-04-15T07:00:00.000Z");
    expect(local(due, PARIS)).toBe("2026-04-15 09:00");
  });

  it("keeps 09:00 in Paris across the autumn change (UTC+2 → UTC+1)", () => {
    const due = addCalendarMonths(new Date("2026-09-15T07:00:00Z"), 3, PARIS);
    expect(due.toISOString()).toBe("2026-12-15T08:00:00.000Z");
  });

  it("moves a local time skipped in spring forward by the gap (02:30 → 03:30 on 29 March 2026)", () => {
    const due = addCalendarMonths(new Date("2025-12-29T01:30:00Z"), 3, PARIS);
    expect(local(due, PARIS)).toBe("2026-03-29 03:30");
  });

  it("takes the first of a local time lived twice in autumn (02:30 on 25 October 2026, still summer time)", () => {
    const due = addCalendarMonths(new Date("2026-09-25T00:30:00Z"), 1, PARIS);
    expect(due.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("keeps 09:00 in New York across both of its changes", () => {
    const spring = addCalendarMonths(new Date("2026-01-15T14:00:00Z"), 2, NEW_YORK);
    expect(spring.toISOString()).toBe("2026-03-15T13:00:00.000Z");
    const autumn = addCalendarMonths(new Date("2026-10-15T13:00:00Z"), 1, NEW_YORK);
    expect(autumn.toISOString()).toBe("2026-11-15T14:00:00.000Z");
  });

  it("keeps 09:00 in Sydney, whose summer is in January", () => {
    const due = addCalendarMonths(new Date("2026-01-14T22:00:00Z"), 6, SYDNEY);
    expect(local(due, SYDNEY)).toBe("2026-07-15 09:00");
    expect(due.toISOString()).toBe("2026-07-14T23:00:00.000Z");
  });

  it("stays at 09:00 in Paris quarter after quarter for ten years (every change crossed)", () => {
    let due = new Date("2026-01-15T08:00:00Z");
    for (let quarter = 1; quarter <= 40; quarter += 1) {
      due = addCalendarMonths(due, 3, PARIS);
      expect(local(due, PARIS).slice(-5)).toBe("09:00");
    }
    expect(local(due, PARIS)).toBe("2036-01-15 09:00");
  });
});

describe("subtractCalendarDays", () => {
  it("counts calendar days, not 24-hour spans, across a change", () => {
    const warnFrom = subtractCalendarDays(new Date("2026-04-15T07:00:00Z"), 30, PARIS);
    expect(local(warnFrom, PARIS)).toBe("2026-03-16 09:00");
  });
});

describe("isKnownTimeZone", () => {
  it("knows IANA zones and refuses anything else", () => {
    expect(isKnownTimeZone(PARIS)).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
  });
});
