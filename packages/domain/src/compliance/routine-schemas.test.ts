import { describe, expect, it } from "vitest";
import { LEAD_DAYS_MAX, listRoutinesInput, updateRoutineInput } from "./routine-schemas";

const paths = (value: unknown) =>
  updateRoutineInput.safeParse(value).error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("updateRoutineInput", () => {
  it("takes every field, and null to assign nobody", () => {
    const input = { routineId: 3, assignedCompanyContactId: null, assignedProfileId: 7, leadDays: 0, active: false };
    expect(updateRoutineInput.parse(input)).toEqual(input);
    expect(updateRoutineInput.parse({ routineId: 3 })).toEqual({ routineId: 3 });
  });

  it.each([0, LEAD_DAYS_MAX])("accepts a lead time of %d days", (leadDays) => {
    expect(paths({ routineId: 1, leadDays })).toEqual([]);
  });

  it.each([-1, LEAD_DAYS_MAX + 1, 1.5, "30", null])("refuses a lead time of %j, naming leadDays", (leadDays) => {
    expect(paths({ routineId: 1, leadDays })).toEqual(["leadDays"]);
  });

  it.each([0, -4, 2.5, "1", 2 ** 53])("refuses %j as an id", (value) => {
    expect(paths({ routineId: value })).toEqual(["routineId"]);
    expect(paths({ routineId: 1, assignedCompanyContactId: value })).toEqual(["assignedCompanyContactId"]);
    expect(paths({ routineId: 1, assignedProfileId: value })).toEqual(["assignedProfileId"]);
  });

  it("requires the routine and refuses unknown fields", () => {
    expect(paths({ leadDays: 3 })).toEqual(["routineId"]);
    expect(paths({ routineId: 1, organizationId: 2 })).toEqual([""]);
    expect(paths({ routineId: 1, active: "yes" })).toEqual(["active"]);
  });
});

describe("listRoutinesInput", () => {
  it("takes nothing, or a site and a rule", () => {
    expect(listRoutinesInput.parse(undefined)).toBeUndefined();
    expect(listRoutinesInput.parse({ siteId: 1, ruleId: 2 })).toEqual({ siteId: 1, ruleId: 2 });
    expect(listRoutinesInput.safeParse({ siteId: 0 }).success).toBe(false);
  });
});
