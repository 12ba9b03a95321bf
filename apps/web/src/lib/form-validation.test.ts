import { createCurativeBody, updateRoutineInput, updateTrainingExerciseBody } from "@interventions/domain";
import { describe, expect, it } from "vitest";
import { FORM_ERROR_MESSAGES, issueMessage } from "./form-validation";

// A domain schema's refusal, as a form says it: by what was refused, whichever language the page speaks.

function messagesOf(schema: { safeParse: (value: unknown) => { error?: { issues: unknown[] } } }, value: unknown) {
  const issues = (schema.safeParse(value).error?.issues ?? []) as Parameters<typeof issueMessage>[0][];
  return Object.fromEntries(issues.map((issue) => [String(issue.path[0]), issueMessage(issue)]));
}

describe("form errors", () => {
  it("say an end before the start, a missing choice and a bad date in words of their own", () => {
    expect(
      messagesOf(createCurativeBody, {
        anomalyIds: [],
        scheduledStart: "2026-12-07T09:00:00.000Z",
        scheduledEnd: "2026-12-07T08:00:00.000Z",
        creationStatus: 0,
      }),
    ).toEqual({ anomalyIds: { key: "chooseAtLeastOne" }, scheduledEnd: { key: "endBeforeStart" } });
    expect(
      messagesOf(createCurativeBody, { anomalyIds: [1], scheduledStart: "", scheduledEnd: "", creationStatus: 0 }),
    ).toMatchObject({ scheduledStart: { key: "invalidDate" }, scheduledEnd: { key: "invalidDate" } });
  });

  it("count a routine's lead time in days, with its limits", () => {
    expect(messagesOf(updateRoutineInput, { routineId: 1, leadDays: 400 })).toEqual({
      leadDays: { key: "atMostDays", values: { limit: 365 } },
    });
    expect(messagesOf(updateRoutineInput, { routineId: 1, leadDays: -1 })).toEqual({
      leadDays: { key: "atLeastDays", values: { limit: 0 } },
    });
    expect(messagesOf(updateRoutineInput, { routineId: 1, leadDays: Number.NaN })).toEqual({
      leadDays: { key: "wholeDays" },
    });
  });

  it("name text too long or holding control characters", () => {
    expect(messagesOf(updateTrainingExerciseBody, { description: "x".repeat(2501) })).toEqual({
      description: { key: "tooLong", values: { limit: 2500 } },
    });
    expect(messagesOf(updateTrainingExerciseBody, { description: "bell\u0007" })).toEqual({
      description: { key: "invalidCharacters" },
    });
  });

  it("use only messages the catalogues hold", () => {
    const said = [
      ...Object.values(messagesOf(updateRoutineInput, { routineId: 0, leadDays: 1.5, active: "yes" })),
      ...Object.values(messagesOf(createCurativeBody, {})),
    ].map((message) => message.key);
    expect(said.length).toBeGreaterThan(2);
    for (const key of said) expect(FORM_ERROR_MESSAGES).toContain(key);
  });
});
