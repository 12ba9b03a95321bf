import { describe, expect, it } from "vitest";
import { dateOrder, formatDateText, parseDateText } from "./date-text";

describe("dates typed as the page's language writes them", () => {
  it("knows the order of each language: day first in French and British English", () => {
    expect(dateOrder("fr")).toEqual({ order: ["day", "month", "year"], separator: "/" });
    expect(dateOrder("en")).toEqual({ order: ["day", "month", "year"], separator: "/" });
  });

  it("writes a form's value in that order", () => {
    expect(formatDateText("2026-12-02T09:30", "en", "dateTime")).toBe("02/12/2026 09:30");
    expect(formatDateText("2026-12-02", "fr", "date")).toBe("02/12/2026");
    expect(formatDateText("", "fr", "date")).toBe("");
    expect(formatDateText("2/12", "fr", "date")).toBe("2/12");
  });

  it("reads what was typed in that order, with any separator", () => {
    expect(parseDateText("02/12/2026 09:30", "fr", "dateTime")).toBe("2026-12-02T09:30");
    expect(parseDateText(" 2.12.2026 9h05 ", "en", "dateTime")).toBe("2026-12-02T09:05");
    expect(parseDateText("2/12/2026", "en", "date")).toBe("2026-12-02");
  });

  it("reads a pasted ISO value too", () => {
    expect(parseDateText("2026-12-07T09:00", "en", "dateTime")).toBe("2026-12-07T09:00");
    expect(parseDateText("2026-12-07", "fr", "date")).toBe("2026-12-07");
  });

  it("refuses what is not a real date and time", () => {
    for (const text of ["31/02/2026 09:00", "02/12/26 09:00", "02/12/2026", "02/12/2026 24:00", "02/12/2026 09:60"]) {
      expect(parseDateText(text, "fr", "dateTime"), text).toBeNull();
    }
    expect(parseDateText("12/31/2026", "en", "date")).toBeNull();
    expect(parseDateText("02/12/2026 09:00", "en", "date")).toBeNull();
    expect(parseDateText("", "en", "date")).toBeNull();
  });
});
