import { InterventionStatus, InterventionType } from "@interventions/domain";
import { describe, expect, it } from "vitest";
import { readUrlFilters, statusWord, toListInput, toQueryFilters, toSearch, wordedSearch } from "./list-filters";

describe("the list's filters in the address", () => {
  it("round-trips through the address, leaving out what is empty or default", () => {
    const filters = readUrlFilters(
      new URLSearchParams("type=preventive&status=scheduled&siteId=&assignee=c4&order=asc"),
    );
    expect(toSearch(filters)).toBe("?type=preventive&status=scheduled&assignee=c4");
    expect(readUrlFilters(new URLSearchParams(toSearch(filters).slice(1)))).toEqual(filters);
    expect(toSearch(readUrlFilters(new URLSearchParams("")))).toBe("");
  });

  it("names types and statuses by words, every one of them", () => {
    const query = toQueryFilters(
      readUrlFilters(new URLSearchParams("type=training-exercise&status=awaiting-verification")),
      "UTC",
    );
    expect([query.type, query.status]).toEqual([
      InterventionType.trainingExercise,
      InterventionStatus.awaitingVerification,
    ]);
    expect(Object.values(InterventionStatus).map(statusWord)).toEqual([
      "to-schedule",
      "scheduled",
      "in-progress",
      "awaiting-verification",
      "accepted",
      "rejected",
      "cancelled",
    ]);
  });

  it("rewrites an old numeric link in words, keeping the rest; a worded one needs nothing", () => {
    expect(wordedSearch(new URLSearchParams("status=4&type=1&siteId=3"))).toBe(
      "?status=awaiting-verification&type=preventive&siteId=3",
    );
    expect(wordedSearch(new URLSearchParams("type=3&order=desc"))).toBe("?type=training-exercise&order=desc");
    expect(wordedSearch(new URLSearchParams("status=99"))).toBe("");
    expect(wordedSearch(new URLSearchParams("status=scheduled&type=curative"))).toBeNull();
    expect(wordedSearch(new URLSearchParams(""))).toBeNull();
  });

  it("turns calendar days in the organization's zone into a half-open UTC range covering the last day", () => {
    const query = toQueryFilters(readUrlFilters(new URLSearchParams("from=2026-12-01&to=2026-12-31")), "Europe/Paris");
    expect(query.from).toBe("2026-11-30T23:00:00.000Z");
    expect(query.to).toBe("2026-12-31T23:00:00.000Z");
  });

  it("tells a user from a provider contact among assignees", () => {
    const user = toQueryFilters(readUrlFilters(new URLSearchParams("assignee=p7")), "UTC");
    const contact = toQueryFilters(readUrlFilters(new URLSearchParams("assignee=c9")), "UTC");
    expect([user.assignedProfileId, user.assignedCompanyContactId]).toEqual([7, undefined]);
    expect([contact.assignedProfileId, contact.assignedCompanyContactId]).toEqual([undefined, 9]);
  });

  it("reads nobody as work with no one assigned", () => {
    const nobody = toQueryFilters(readUrlFilters(new URLSearchParams("assignee=none")), "UTC");
    expect([nobody.unassigned, nobody.assignedProfileId, nobody.assignedCompanyContactId]).toEqual([
      true,
      undefined,
      undefined,
    ]);
    expect(toQueryFilters(readUrlFilters(new URLSearchParams("assignee=p7")), "UTC").unassigned).toBeUndefined();
  });

  it("ignores what cannot be read rather than failing the page", () => {
    const query = toListInput(
      readUrlFilters(
        new URLSearchParams("type=9&status=sideways&siteId=-1&assignee=p1.5&from=tomorrow&order=sideways"),
      ),
      "UTC",
    );
    expect(query).toEqual({
      type: undefined,
      status: undefined,
      siteId: undefined,
      assignedProfileId: undefined,
      assignedCompanyContactId: undefined,
      from: undefined,
      to: undefined,
      order: "asc",
      cursor: undefined,
      limit: 25,
    });
  });
});
