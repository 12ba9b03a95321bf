import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors";
import { BULK_MAX, bulkAssignInput, bulkPlanInput, bulkRefusalOf, bulkRefused } from "./bulk-schemas";

describe("bulk schemas", () => {
  it("takes one assignee, a bounded list of distinct ids", () => {
    expect(bulkAssignInput.safeParse({ interventionIds: [1, 2], assignedProfileId: 3 }).success).toBe(true);
    expect(
      bulkAssignInput.safeParse({ interventionIds: [1], assignedProfileId: 3, assignedCompanyContactId: 4 }).success,
    ).toBe(false);
    expect(bulkAssignInput.safeParse({ interventionIds: [1] }).success).toBe(false);
    expect(bulkAssignInput.safeParse({ interventionIds: [], assignedProfileId: 3 }).success).toBe(false);
    expect(bulkAssignInput.safeParse({ interventionIds: [1, 1], assignedProfileId: 3 }).success).toBe(false);
    const many = Array.from({ length: BULK_MAX + 1 }, (_, index) => index + 1);
    expect(bulkAssignInput.safeParse({ interventionIds: many, assignedProfileId: 3 }).success).toBe(false);
  });

  it("plans dates in order", () => {
    const ids = { interventionIds: [1] };
    expect(
      bulkPlanInput.safeParse({ ...ids, scheduledStart: "2026-12-01T08:00:00Z", scheduledEnd: "2026-12-01T10:00:00Z" })
        .success,
    ).toBe(true);
    const reversed = bulkPlanInput.safeParse({
      ...ids,
      scheduledStart: "2026-12-01T10:00:00Z",
      scheduledEnd: "2026-12-01T08:00:00Z",
    });
    expect(reversed.error?.issues[0]?.path).toEqual(["scheduledEnd"]);
  });

  it("says every refused row, with a reason a client reads back", () => {
    const refused = bulkRefused([
      { index: 0, reason: "notEditable" },
      { index: 2, reason: "repair" },
    ]);
    expect(refused.code).toBe(ErrorCode.invalidState);
    expect(refused.issues.map((issue) => [issue.path, bulkRefusalOf(issue.message)])).toEqual([
      ["interventionIds.0", "notEditable"],
      ["interventionIds.2", "repair"],
    ]);
    expect(bulkRefused([{ index: 1, reason: "notFound" }]).code).toBe(ErrorCode.notFound);
  });
});
