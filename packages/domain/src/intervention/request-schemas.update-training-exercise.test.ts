import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { updateTrainingExerciseBody } from "./request-schemas";

// 003 — PATCH /interventions/v2/rs/training-exercise/{interventionId}: the documented example body, verbatim.
const example = {
  description: "Description of the intervention",
  scheduledStart: "2024-12-01T12:34:56.000Z",
  scheduledEnd: "2024-12-05T14:56:23.000Z",
  ruleId: 1,
  siteIds: [1, 2, 3],
  creationStatus: 1,
  assignedCompanyContactId: 1,
  assignedUserId: 1,
  validateIntervention: true,
};

const MAX_SAFE = 9007199254740991;

const OPTIONAL_FIELDS = Object.keys(example);

function parse(body: unknown): z.ZodSafeParseResult<unknown> {
  return updateTrainingExerciseBody.safeParse(body);
}

function paths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
}

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

describe("updateTrainingExerciseBody", () => {
  it("parses the documented example unchanged", () => {
    const result = updateTrainingExerciseBody.safeParse(example);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(example);
  });

  it("accepts an empty object and adds nothing to it", () => {
    const result = updateTrainingExerciseBody.safeParse({});
    expect(result.success).toBe(true);
    expect(result.data).toEqual({});
  });

  it.each(OPTIONAL_FIELDS)("accepts a body without %s", (field) => {
    expect(parse(without(example, field)).success).toBe(true);
  });

  it.each(OPTIONAL_FIELDS)("accepts a body with only %s", (field) => {
    expect(parse({ [field]: example[field as keyof typeof example] }).success).toBe(true);
  });

  it("rejects an unknown field", () => {
    const result = parse({ ...example, ruleIds: [1] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["ruleIds"], path: [] }),
    ]);
  });

  it("rejects the preventive body's sendUpdateEmailToCurrentAssignee", () => {
    const result = parse({ sendUpdateEmailToCurrentAssignee: false });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys" })]);
  });

  it.each([
    "ruleId",
    "siteIds",
    "creationStatus",
    "assignedCompanyContactId",
    "assignedUserId",
    "validateIntervention",
  ])("rejects a null %s", (field) => {
    const result = parse({ [field]: null });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([field]);
  });
});

describe.each([
  ["ruleId", false],
  ["siteIds", true],
  ["assignedCompanyContactId", false],
  ["assignedUserId", false],
])("updateTrainingExerciseBody %s range", (field, isList) => {
  const put = (value: unknown) => ({ ...example, [field]: isList ? [value] : value });
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

describe("updateTrainingExerciseBody fields", () => {
  it("accepts one site id and rejects an empty siteIds", () => {
    expect(parse({ siteIds: [2] }).success).toBe(true);
    const result = parse({ siteIds: [] });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["siteIds"]);
  });

  it.each([0, 1, 2])("accepts the creation status %d", (creationStatus) => {
    expect(parse({ creationStatus }).success).toBe(true);
  });

  it.each([3, -1, "2"])("rejects the creation status %j", (creationStatus) => {
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

  it.each([true, false])("accepts validateIntervention %s", (validateIntervention) => {
    expect(parse({ validateIntervention }).success).toBe(true);
  });

  it("rejects a non-boolean validateIntervention", () => {
    const result = parse({ validateIntervention: 1 });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["validateIntervention"]);
  });
});

describe("updateTrainingExerciseBody schedule order", () => {
  it("rejects an end before the start, at scheduledEnd", () => {
    const result = parse({ scheduledStart: "2024-12-05T14:56Z", scheduledEnd: "2024-12-05T14:55:59.999Z" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "custom", path: ["scheduledEnd"] })]);
  });

  it("accepts an end equal to the start", () => {
    const at = "2024-12-01T12:34:56.000Z";
    expect(parse({ scheduledStart: at, scheduledEnd: at }).success).toBe(true);
  });

  it("accepts only one of the two dates", () => {
    expect(parse({ scheduledStart: "2099-01-01T00:00Z" }).success).toBe(true);
    expect(parse({ scheduledEnd: "2000-01-01T00:00Z" }).success).toBe(true);
  });

  it.each(["scheduledStart", "scheduledEnd"])("rejects %s outside the documented pattern", (field) => {
    const result = parse({ [field]: "2025-02-29T00:00Z" });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([field]);
  });
});
