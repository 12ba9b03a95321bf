import { describe, expect, it } from "vitest";
import { assigneeChoice, assigneeControl, parseAssigneeChoice } from "./assignee-choice";

const contact = { assignedCompanyContactId: "4", assignee: "" };
const member = { assignedCompanyContactId: "", assignee: "7" };
const nobody = { assignedCompanyContactId: "", assignee: "" };

describe("the one assignee control", () => {
  it("shows the contact, else the member, else nobody, and reads its value back", () => {
    expect(assigneeChoice({ assignedCompanyContactId: "4", assignee: "7" })).toBe("contact:4");
    expect(assigneeChoice(member)).toBe("member:7");
    expect(assigneeChoice(nobody)).toBe("");
    expect(parseAssigneeChoice("member:7")).toEqual({ contact: "", member: "7" });
    expect(parseAssigneeChoice("")).toEqual({ contact: "", member: "" });
  });

  it("asks the update to replace whoever was assigned when the choice changed, to unassign for nobody", () => {
    expect(assigneeControl(member, contact)).toEqual({ replaceAssignee: true });
    expect(assigneeControl(contact, member)).toEqual({ replaceAssignee: true });
    expect(assigneeControl(member, { assignedCompanyContactId: "4", assignee: "7" })).toEqual({
      replaceAssignee: true,
    });
    expect(assigneeControl(nobody, contact)).toEqual({ unassign: true });
  });

  it("asks nothing when the choice stayed", () => {
    expect(assigneeControl(contact, contact)).toEqual({});
    expect(assigneeControl(nobody, nobody)).toEqual({});
  });
});
