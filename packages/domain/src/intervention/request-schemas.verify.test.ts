import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { VerificationDecision } from "./enums";
import { verifyInterventionBody } from "./request-schemas";

// 004 — PATCH /interventions/v2/rs/{interventionId}/verify: the documented example body, verbatim.
const example = {
  decisionComment: "Provider refused the intervention due to scheduling conflicts.",
  decision: 2,
  notificationId: "notification-12345",
};

function parse(body: unknown): z.ZodSafeParseResult<unknown> {
  return verifyInterventionBody.safeParse(body);
}

function paths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
}

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

describe("verifyInterventionBody", () => {
  it("parses the documented example unchanged", () => {
    const result = verifyInterventionBody.safeParse(example);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(example);
  });

  it.each(["decisionComment", "decision"])("rejects a body without %s", (field) => {
    const result = parse(without(example, field));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([field]);
  });

  it("accepts a body without notificationId", () => {
    expect(parse(without(example, "notificationId")).success).toBe(true);
  });

  it("rejects an empty object, naming both required fields", () => {
    const result = parse({});
    expect(result.success).toBe(false);
    expect(paths(result).sort()).toEqual(["decision", "decisionComment"]);
  });

  it("rejects an unknown field", () => {
    const result = parse({ ...example, comment: "ok" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["comment"], path: [] }),
    ]);
  });

  it.each([VerificationDecision.accept, VerificationDecision.reject])("accepts the decision %d", (decision) => {
    expect(parse({ ...example, decision }).success).toBe(true);
  });

  it.each([0, 3, -1, 1.5, "1", null, true])("rejects the decision %j", (decision) => {
    const result = parse({ ...example, decision });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["decision"]);
  });

  it("accepts a decision comment of 2500 characters and rejects 2501", () => {
    expect(parse({ ...example, decisionComment: "x".repeat(2500) }).success).toBe(true);
    const result = parse({ ...example, decisionComment: "x".repeat(2501) });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["decisionComment"]);
  });

  it.each([null, 12345])("rejects the decision comment %j", (decisionComment) => {
    const result = parse({ ...example, decisionComment });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["decisionComment"]);
  });

  it("rejects a notificationId that is not a string", () => {
    const result = parse({ ...example, notificationId: 12345 });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["notificationId"]);
  });
});
