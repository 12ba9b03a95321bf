import { updateRoutineInput } from "@interventions/domain";
import { describe, expect, it } from "vitest";
import { routinePatch, routineValues } from "./routine-patch";

const routine = { assignedContact: { id: 4 }, assignedProfile: null, leadDays: 30, active: true };
const initial = routineValues(routine);

describe("routineValues", () => {
  it("shows the contact, else the member, else nobody", () => {
    expect(initial).toEqual({ assignee: "contact:4", leadDays: "30", active: true });
    expect(routineValues({ ...routine, assignedContact: null, assignedProfile: { id: 9 } }).assignee).toBe("profile:9");
    expect(routineValues({ ...routine, assignedContact: null }).assignee).toBe("");
    expect(routineValues({ ...routine, assignedProfile: { id: 9 } }).assignee).toBe("contact:4");
  });
});

describe("routinePatch", () => {
  it("sends the routine alone when nothing changed", () => {
    expect(routinePatch(7, initial, { ...initial, leadDays: " 30 " })).toEqual({ routineId: 7 });
  });

  it("assigns one way and clears the other, or nobody", () => {
    expect(routinePatch(7, initial, { ...initial, assignee: "profile:9" })).toEqual({
      routineId: 7,
      assignedCompanyContactId: null,
      assignedProfileId: 9,
    });
    expect(routinePatch(7, initial, { ...initial, assignee: "contact:5" })).toEqual({
      routineId: 7,
      assignedCompanyContactId: 5,
      assignedProfileId: null,
    });
    expect(routinePatch(7, initial, { ...initial, assignee: "" })).toEqual({
      routineId: 7,
      assignedCompanyContactId: null,
      assignedProfileId: null,
    });
  });

  it("sends the lead time and the switch when changed", () => {
    expect(routinePatch(7, initial, { ...initial, leadDays: "14", active: false })).toEqual({
      routineId: 7,
      leadDays: 14,
      active: false,
    });
  });

  it.each(["", "abc", "2.5", "-1", "366"])("a lead time typed as %j fails the domain's schema on leadDays", (typed) => {
    const result = updateRoutineInput.safeParse(routinePatch(7, initial, { ...initial, leadDays: typed }));
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["leadDays"]);
  });
});
