import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { updatePreventiveBody } from "./request-schemas";

// 002 — PATCH /interventions/v2/rs/preventive/{interventionId}: the documented example body, verbatim.
const example = {
  description: "Description of the intervention",
  scheduledStart: "2024-12-01T12:34:56.000Z",
  scheduledEnd: "2024-12-05T14:56:23.000Z",
  siteRuleIds: [1, 2, 3],
  creationStatus: 1,
  assignedCompanyContactId: 1,
  assignedProfileId: 1,
  sendUpdateEmailToCurrentAssignee: false,
  previousAssigneeNotification: {
    sendEmail: true,
    reason: "The intervention details have changed.",
  },
};

const MAX_SAFE = 9007199254740991;

const OPTIONAL_FIELDS = [
  "description",
  "scheduledStart",
  "scheduledEnd",
  "siteRuleIds",
  "creationStatus",
  "assignedCompanyContactId",
  "assignedProfileId",
  "sendUpdateEmailToCurrentAssignee",
  "previousAssigneeNotification",
];

function parse(body: unknown): z.ZodSafeParseResult<unknown> {
  return updatePreventiveBody.safeParse(body);
}

function paths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
}

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

describe("updatePreventiveBody", () => {
  it("parses the documented example unchanged", () => {
    const result = updatePreventiveBody.safeParse(example);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(example);
  });

  it("accepts an empty object, with sendUpdateEmailToCurrentAssignee defaulting to false", () => {
    const result = updatePreventiveBody.safeParse({});
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ sendUpdateEmailToCurrentAssignee: false });
  });

  it("defaults sendUpdateEmailToCurrentAssignee to false when it is omitted", () => {
    const result = updatePreventiveBody.safeParse({ description: "New description" });
    expect(result.data?.sendUpdateEmailToCurrentAssignee).toBe(false);
  });

  it("keeps sendUpdateEmailToCurrentAssignee when it is true", () => {
    const result = updatePreventiveBody.safeParse({ sendUpdateEmailToCurrentAssignee: true });
    expect(result.data?.sendUpdateEmailToCurrentAssignee).toBe(true);
  });

  it.each(OPTIONAL_FIELDS)("accepts a body without %s", (field) => {
    expect(parse(without(example, field)).success).toBe(true);
  });

  it.each(OPTIONAL_FIELDS.filter((field) => field !== "scheduledEnd"))("accepts a body with only %s", (field) => {
    expect(parse({ [field]: example[field as keyof typeof example] }).success).toBe(true);
  });

  it("accepts a body with only scheduledEnd", () => {
    expect(parse({ scheduledEnd: example.scheduledEnd }).success).toBe(true);
  });

  it.each([
    ["the body", { ...example, ruleId: 1 }, []],
    [
      "previousAssigneeNotification",
      { previousAssigneeNotification: { sendEmail: true, extra: 1 } },
      ["previousAssigneeNotification"],
    ],
  ])("rejects an unknown field in %s", (_label, body, path) => {
    const result = parse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", path })]);
  });

  it.each(["siteRuleIds", "creationStatus", "assignedCompanyContactId", "assignedProfileId"])(
    "rejects a null %s",
    (field) => {
      const result = parse({ ...example, [field]: null });
      expect(result.success).toBe(false);
      expect(paths(result)).toEqual([field]);
    },
  );

  it.each(["description", "scheduledStart", "sendUpdateEmailToCurrentAssignee", "previousAssigneeNotification"])(
    "rejects a null %s",
    (field) => {
      const result = parse({ ...example, [field]: null });
      expect(result.success).toBe(false);
      expect(paths(result)).toEqual([field]);
    },
  );
});

describe.each([
  ["siteRuleIds", true],
  ["assignedCompanyContactId", false],
  ["assignedProfileId", false],
])("updatePreventiveBody %s range", (field, isList) => {
  const put = (value: unknown) => ({ [field]: isList ? [value] : value });
  const path = isList ? `${field}.0` : field;

  it.each([MAX_SAFE, -MAX_SAFE])("accepts %d", (value) => {
    expect(parse(put(value)).success).toBe(true);
  });

  it.each([MAX_SAFE + 1, -(MAX_SAFE + 1), 1.5, "1"])("rejects %j", (value) => {
    const result = parse(put(value));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([path]);
  });
});

describe("updatePreventiveBody fields", () => {
  it("accepts one site rule id and rejects an empty siteRuleIds", () => {
    expect(parse({ siteRuleIds: [4] }).success).toBe(true);
    const result = parse({ siteRuleIds: [] });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["siteRuleIds"]);
  });

  it.each([0, 1, 2])("accepts the creation status %d", (creationStatus) => {
    expect(parse({ creationStatus }).success).toBe(true);
  });

  it.each([3, -1, "1"])("rejects the creation status %j", (creationStatus) => {
    const result = parse({ creationStatus });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["creationStatus"]);
  });

  it("accepts a description of 2500 characters and rejects 2501", () => {
    expect(parse({ description: "x".repeat(2500) }).success).toBe(true);
    const result = parse({ description: "x".repeat(2501) });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["description"]);
  });

  it("rejects a non-boolean sendUpdateEmailToCurrentAssignee", () => {
    const result = parse({ sendUpdateEmailToCurrentAssignee: "false" });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["sendUpdateEmailToCurrentAssignee"]);
  });
});

describe("updatePreventiveBody previousAssigneeNotification", () => {
  it("accepts it without a reason", () => {
    expect(parse({ previousAssigneeNotification: { sendEmail: false } }).success).toBe(true);
  });

  it("rejects it without sendEmail", () => {
    const result = parse({ previousAssigneeNotification: { reason: "Reassigned" } });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["previousAssigneeNotification.sendEmail"]);
  });

  it("accepts a reason of 5000 characters and rejects 5001", () => {
    expect(parse({ previousAssigneeNotification: { sendEmail: true, reason: "x".repeat(5000) } }).success).toBe(true);
    const result = parse({ previousAssigneeNotification: { sendEmail: true, reason: "x".repeat(5001) } });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["previousAssigneeNotification.reason"]);
  });
});

describe("updatePreventiveBody schedule order", () => {
  it("rejects an end before the start, at scheduledEnd", () => {
    const result = parse({ scheduledStart: "2024-12-05T14:56:23.000Z", scheduledEnd: "2024-12-05T14:56:22.999Z" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "custom", path: ["scheduledEnd"] })]);
  });

  it("accepts an end equal to the start", () => {
    expect(parse({ scheduledStart: "2024-12-05T14:56Z", scheduledEnd: "2024-12-05T14:56Z" }).success).toBe(true);
  });

  it("accepts only one of the two dates, whatever its value", () => {
    expect(parse({ scheduledStart: "2099-01-01T00:00Z" }).success).toBe(true);
    expect(parse({ scheduledEnd: "2000-01-01T00:00Z" }).success).toBe(true);
  });

  it.each(["scheduledStart", "scheduledEnd"])("rejects %s outside the documented pattern", (field) => {
    const result = parse({ [field]: "2024-12-01T12:34:56+00:00" });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([field]);
  });
});
