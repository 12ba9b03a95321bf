import { CreationStatus } from "@interventions/domain";
import { describe, expect, it } from "vitest";
import { type EditedPlanning, planningPatch } from "./planning-patch";

const opened: EditedPlanning = {
  description: "Yearly check",
  scheduledStart: "2026-12-01T09:00",
  scheduledEnd: "2026-12-01T11:00",
  creationStatus: String(CreationStatus.scheduled),
  assignedCompanyContactId: "4",
  assignee: "",
};

describe("planningPatch", () => {
  it("sends nothing when nothing changed", () => {
    expect(planningPatch(opened, opened, "Europe/Paris", "assignedUserId")).toEqual({});
  });

  it("sends each changed field as the PATCH names it, times in UTC from the organization's zone", () => {
    const edited = {
      ...opened,
      description: "",
      scheduledEnd: "2026-12-01T12:30",
      creationStatus: String(CreationStatus.toScheduled),
      assignedCompanyContactId: "",
      assignee: "7",
    };
    expect(planningPatch(edited, opened, "Europe/Paris", "assignedProfileId")).toEqual({
      description: "",
      scheduledEnd: "2026-12-01T11:30:00.000Z",
      creationStatus: CreationStatus.toScheduled,
      assignedProfileId: 7,
    });
  });

  it("sends the member chosen, even one assigned already beside the contact it replaces", () => {
    const edited = { ...opened, assignedCompanyContactId: "", assignee: "3" };
    expect(planningPatch(edited, { ...opened, assignee: "3" }, "UTC", "assignedUserId")).toEqual({
      assignedUserId: 3,
    });
  });

  it("does not send an emptied contact or assignee", () => {
    const edited = { ...opened, assignedCompanyContactId: "" };
    expect(planningPatch(edited, { ...opened, assignee: "3" }, "UTC", "assignedUserId")).toEqual({});
  });
});
