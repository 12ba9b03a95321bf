import { describe, expect, it } from "vitest";
import { addDays, formatDateTime, formatDay, formatMonth, isoToZonedInput, zonedDay, zonedInputToIso } from "./dates";

describe("dates in the organization's time zone", () => {
  it("reads a typed time in Paris, winter and summer", () => {
    expect(zonedInputToIso("2026-12-01T09:30", "Europe/Paris")).toBe("2026-12-01T08:30:00.000Z");
    expect(zonedInputToIso("2026-07-01T09:30", "Europe/Paris")).toBe("2026-07-01T07:30:00.000Z");
  });

  it("shows an instant back as it was typed", () => {
    for (const local of ["2026-12-01T09:30", "2026-03-29T04:00", "2026-10-25T01:15", "2026-07-14T23:59"]) {
      expect(isoToZonedInput(zonedInputToIso(local, "Europe/Paris"), "Europe/Paris")).toBe(local);
    }
  });

  it("works the same in another zone", () => {
    expect(zonedInputToIso("2026-12-01T09:30", "America/New_York")).toBe("2026-12-01T14:30:00.000Z");
    expect(zonedDay("2026-12-01T03:00:00.000Z", "America/New_York")).toBe("2026-11-30");
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("writes dates in the page's language, in the organization's zone", () => {
    const instant = "2026-12-07T08:00:00.000Z";
    expect(formatDateTime(instant, "Europe/Paris", "en")).toBe("7 Dec 2026, 09:00");
    expect(formatDateTime(instant, "Europe/Paris", "fr")).toMatch(/^7 déc\. 2026(,| à) 09:00$/);
    expect(formatDateTime(instant, "America/New_York", "en")).toBe("7 Dec 2026, 03:00");
    expect(formatDateTime(null, "UTC", "fr")).toBe("—");
    expect(formatDay("2026-12-07", "en")).toBe("Mon 7 Dec");
    expect(formatDay("2026-12-07", "fr")).toBe("lun. 7 déc.");
    expect([formatMonth("2026-12", "en"), formatMonth("2026-12", "fr")]).toEqual(["December 2026", "décembre 2026"]);
  });
});
