import { describe, expect, it } from "vitest";
import { enumName, enumValues } from "./enum";
import { CreationStatus, InterventionStatus, VerificationDecision } from "./intervention/enums";
import { ProfileRole } from "./profile/roles";

describe("enumValues", () => {
  it("lists the numbers of an enum in declaration order", () => {
    expect(enumValues(InterventionStatus)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(enumValues(ProfileRole)).toEqual([1, 2, 3, 4]);
  });

  it("keeps a zero value", () => {
    expect(enumValues(CreationStatus)).toEqual([0, 1, 2]);
  });
});

describe("enumName", () => {
  it.each([
    [InterventionStatus.toSchedule, "toSchedule"],
    [InterventionStatus.awaitingVerification, "awaitingVerification"],
    [InterventionStatus.cancelled, "cancelled"],
  ])("names the status %d %s", (value, name) => {
    expect(enumName(InterventionStatus, value)).toBe(name);
  });

  it("names a zero value", () => {
    expect(enumName(CreationStatus, 0)).toBe("toScheduled");
  });

  it("names every member of an enum back to its own key", () => {
    for (const [name, value] of Object.entries(VerificationDecision)) {
      expect(enumName(VerificationDecision, value)).toBe(name);
    }
  });

  it("throws a RangeError for a number that is not a member", () => {
    // @ts-expect-error 99 is not a status: the types refuse it too
    expect(() => enumName(InterventionStatus, 99)).toThrow(RangeError);
    // @ts-expect-error as above
    expect(() => enumName(InterventionStatus, 99)).toThrow("99 is not a member of this enum");
  });

  it("throws a RangeError for a value that is only equal loosely", () => {
    // @ts-expect-error a string is not a creation status
    expect(() => enumName(CreationStatus, "0")).toThrow(RangeError);
  });
});
