import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createCurativeBody } from "./request-schemas";

// 001 — POST /interventions/v2/rs/curative: the documented example body, verbatim.
const example = {
  scheduledStart: "2024-12-01T12:34:56.000Z",
  scheduledEnd: "2024-12-05T14:56:23.000Z",
  anomalyIds: [1],
  creationStatus: 0,
  description: "Description of the intervention",
  assignedCompanyContactId: 1,
  assignedUserId: 1,
};

const MAX_SAFE = 9007199254740991;

function parse(body: unknown): z.ZodSafeParseResult<unknown> {
  return createCurativeBody.safeParse(body);
}

function paths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
}

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

describe("createCurativeBody", () => {
  it("parses the documented example unchanged", () => {
    const result = createCurativeBody.safeParse(example);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(example);
  });

  it.each(["scheduledStart", "scheduledEnd", "anomalyIds", "creationStatus"])("rejects a body without %s", (field) => {
    const result = parse(without(example, field));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([field]);
  });

  it.each(["description", "assignedCompanyContactId", "assignedUserId"])("accepts a body without %s", (field) => {
    expect(parse(without(example, field)).success).toBe(true);
  });

  it("accepts a body with only the required fields", () => {
    const { scheduledStart, scheduledEnd, anomalyIds, creationStatus } = example;
    expect(parse({ scheduledStart, scheduledEnd, anomalyIds, creationStatus }).success).toBe(true);
  });

  it("rejects an unknown field", () => {
    const result = parse({ ...example, siteIds: [1] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["siteIds"], path: [] }),
    ]);
  });

  it.each([null, [], "body", 1])("rejects the non-object %j", (body) => {
    expect(parse(body).success).toBe(false);
  });
});

describe.each([
  ["anomalyIds", true],
  ["assignedCompanyContactId", false],
  ["assignedUserId", false],
])("createCurativeBody %s range", (field, isList) => {
  const put = (value: unknown) => ({ ...example, [field]: isList ? [value] : value });
  const path = isList ? `${field}.0` : field;

  it.each([MAX_SAFE, -MAX_SAFE])("accepts %d", (value) => {
    expect(parse(put(value)).success).toBe(true);
  });

  it.each([MAX_SAFE + 1, -(MAX_SAFE + 1), 1.5, "1", null])("rejects %j", (value) => {
    const result = parse(put(value));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([path]);
  });
});

describe("createCurativeBody fields", () => {
  it("accepts one anomaly id and several", () => {
    expect(parse({ ...example, anomalyIds: [9] }).success).toBe(true);
    expect(parse({ ...example, anomalyIds: [9, 10, 11] }).success).toBe(true);
  });

  it("rejects an empty anomalyIds", () => {
    const result = parse({ ...example, anomalyIds: [] });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["anomalyIds"]);
  });

  it.each([0, 1, 2])("accepts the creation status %d", (creationStatus) => {
    expect(parse({ ...example, creationStatus }).success).toBe(true);
  });

  it.each([3, -1, 1.5, "1", null])("rejects the creation status %j", (creationStatus) => {
    const result = parse({ ...example, creationStatus });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["creationStatus"]);
  });

  it("accepts a description of 2500 characters and rejects 2501", () => {
    expect(parse({ ...example, description: "x".repeat(2500) }).success).toBe(true);
    const result = parse({ ...example, description: "x".repeat(2501) });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["description"]);
  });

  it.each(["scheduledStart", "scheduledEnd"])("rejects %s with an offset or an impossible date", (field) => {
    for (const value of ["2024-12-01T12:34:56+01:00", "2024-04-31T00:00Z", "2024-12-01"]) {
      const result = parse({ ...example, [field]: value });
      expect(result.success).toBe(false);
      expect(paths(result)).toContain(field);
    }
  });

  it("accepts dates without seconds", () => {
    expect(parse({ ...example, scheduledStart: "2024-12-01T12:34Z", scheduledEnd: "2024-12-05T14:56Z" }).success).toBe(
      true,
    );
  });
});

describe("createCurativeBody schedule order", () => {
  it("rejects an end before the start, at scheduledEnd", () => {
    const result = parse({ ...example, scheduledStart: "2024-12-05T14:56:23.000Z", scheduledEnd: "2024-12-01T12:34Z" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "custom", path: ["scheduledEnd"] })]);
  });

  it("rejects an end one millisecond before the start", () => {
    const result = parse({
      ...example,
      scheduledStart: "2024-12-01T12:34:56.001Z",
      scheduledEnd: "2024-12-01T12:34:56.000Z",
    });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["scheduledEnd"]);
  });

  it("accepts an end equal to the start", () => {
    const at = "2024-12-01T12:34:56.000Z";
    expect(parse({ ...example, scheduledStart: at, scheduledEnd: at }).success).toBe(true);
  });

  it("accepts an end equal to the start written with another precision", () => {
    expect(
      parse({ ...example, scheduledStart: "2024-12-01T12:34Z", scheduledEnd: "2024-12-01T12:34:00.000Z" }).success,
    ).toBe(true);
  });
});
