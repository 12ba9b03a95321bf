import { describe, expect, it } from "vitest";
import { localDayStart, localWeek } from "./local-periods";

describe("local periods", () => {
  it("starts the day at midnight where the organization is", () => {
    // 23:30 UTC on 1 December is already 2 December in Paris (UTC+1).
    const late = new Date("2026-12-01T23:30:00Z");
    expect(localDayStart(late, "Europe/Paris").toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(localDayStart(late, "UTC").toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(localDayStart(late, "Europe/Paris", 2).toISOString()).toBe("2026-12-03T23:00:00.000Z");
  });

  it("counts a day across a change of clocks as the local day it is", () => {
    // 29 March 2026 lasts 23 hours in Paris.
    const start = localDayStart(new Date("2026-03-29T10:00:00Z"), "Europe/Paris");
    expect(localDayStart(start, "Europe/Paris", 1).getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  it("gives the week from Monday to Monday", () => {
    // Wednesday 2 December 2026.
    const week = localWeek(new Date("2026-12-02T12:00:00Z"), "Europe/Paris");
    expect(week.start.toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-12-06T23:00:00.000Z");
    // A Sunday belongs to the week that started on the Monday before.
    expect(localWeek(new Date("2026-12-06T20:00:00Z"), "Europe/Paris").start).toEqual(week.start);
  });
});
