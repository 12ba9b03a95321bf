import { describe, expect, it } from "vitest";
import { periodDays, shiftAnchor, weekStart } from "./period";

describe("planning periods", () => {
  it("starts weeks on Monday", () => {
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
    expect(weekStart("2026-12-01")).toBe("2026-11-30");
  });

  it("shows a week as seven days", () => {
    expect(periodDays("week", "2026-11-26")).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
  });

  it("shows a month as the whole weeks that cover it", () => {
    const november = periodDays("month", "2026-11-23");
    expect(november[0]).toBe("2026-10-26");
    expect(november.at(-1)).toBe("2026-12-06");
    expect(november.length % 7).toBe(0);
    const february = periodDays("month", "2027-02-10");
    expect(february[0]).toBe("2027-02-01");
    expect(february.at(-1)).toBe("2027-02-28");
  });

  it("moves by a week or by a month", () => {
    expect(shiftAnchor("week", "2026-11-23", 1)).toBe("2026-11-30");
    expect(shiftAnchor("month", "2026-12-15", 1)).toBe("2027-01-01");
    expect(shiftAnchor("month", "2026-01-31", -1)).toBe("2025-12-01");
  });
});
