import { describe, expect, it } from "vitest";
import {
  CheckType,
  checkTypeSchema,
  creationStatusSchema,
  InterventionType,
  interventionStatusSchema,
  interventionTypeSchema,
  verificationDecisionSchema,
} from "./enums";

describe("intervention enum schemas", () => {
  it.each([
    ["creationStatusSchema", creationStatusSchema, [0, 1, 2], [3, -1, "0"]],
    ["verificationDecisionSchema", verificationDecisionSchema, [1, 2], [0, 3, "1"]],
    ["interventionStatusSchema", interventionStatusSchema, [1, 2, 3, 4, 5, 6, 7], [0, 8, "scheduled"]],
    ["interventionTypeSchema", interventionTypeSchema, [1, 2, 3], [0, 4, "curative"]],
    ["checkTypeSchema", checkTypeSchema, [1, 2, 3], [0, 4, null]],
  ] as const)("%s accepts exactly its numbers", (_name, schema, accepted, rejected) => {
    for (const value of accepted) expect(schema.safeParse(value).success).toBe(true);
    for (const value of rejected) expect(schema.safeParse(value).success).toBe(false);
  });

  it("number the types and check types from 1", () => {
    expect(InterventionType).toEqual({ preventive: 1, curative: 2, trainingExercise: 3 });
    expect(CheckType).toEqual({ periodic: 1, initial: 2, afterWorks: 3 });
  });
});
