import { describe, expect, it } from "vitest";
import { occurrenceToPlan } from "./routine";

const PARIS = "Europe/Paris";
const routine = { leadDays: 30, firstDueAt: new Date("2027-01-10T08:00:00Z") };

describe("occurrenceToPlan", () => {
  it("plans the due date once the lead time before it is reached", () => {
    const dueAt = new Date("2026-12-20T08:00:00Z");
    const obligation = { dueAt };
    expect(
      occurrenceToPlan({ obligation, planned: false, routine, timeZone: PARIS, now: new Date("2026-11-19T07:59:59Z") }),
    ).toBeNull();
    expect(
      occurrenceToPlan({ obligation, planned: false, routine, timeZone: PARIS, now: new Date("2026-11-20T08:00:00Z") }),
    ).toEqual(dueAt);
  });

  it("plans nothing while a covering intervention is open", () => {
    const obligation = { dueAt: new Date("2026-11-01T08:00:00Z") };
    expect(
      occurrenceToPlan({ obligation, planned: true, routine, timeZone: PARIS, now: new Date("2026-12-03T10:00:00Z") }),
    ).toBeNull();
  });

  it("plans the routine's first due date for an obligation never done", () => {
    const obligation = { dueAt: null };
    expect(
      occurrenceToPlan({ obligation, planned: false, routine, timeZone: PARIS, now: new Date("2026-12-11T08:00:00Z") }),
    ).toEqual(routine.firstDueAt);
    expect(
      occurrenceToPlan({ obligation, planned: false, routine, timeZone: PARIS, now: new Date("2026-12-10T07:00:00Z") }),
    ).toBeNull();
  });

  it("after a long downtime, plans the one current occurrence, whatever was missed", () => {
    const dueAt = new Date("2024-03-01T08:00:00Z");
    expect(
      occurrenceToPlan({
        obligation: { dueAt },
        planned: false,
        routine,
        timeZone: PARIS,
        now: new Date("2026-12-03T10:00:00Z"),
      }),
    ).toEqual(dueAt);
  });

  it("counts the lead time in calendar days where the organization is (across the spring change)", () => {
    const dueAt = new Date("2026-04-15T07:00:00Z"); // 09:00 in Paris, summer time
    const obligation = { dueAt };
    const lead = { ...routine, leadDays: 30 };
    expect(
      occurrenceToPlan({
        obligation,
        planned: false,
        routine: lead,
        timeZone: PARIS,
        now: new Date("2026-03-16T07:59:00Z"),
      }),
    ).toBeNull();
    expect(
      occurrenceToPlan({
        obligation,
        planned: false,
        routine: lead,
        timeZone: PARIS,
        now: new Date("2026-03-16T08:00:00Z"),
      }),
    ).toEqual(dueAt);
  });
});
