import { describe, expect, it } from "vitest";
import { InterventionStatus as S } from "../intervention/enums";
import { WebhookEventType as E, interventionEventTypes } from "./event-types";

describe("interventionEventTypes", () => {
  it("names a person's creation created, a routine's generated", () => {
    expect(interventionEventTypes({ action: "created", byRoutine: false, status: S.scheduled })).toEqual([E.created]);
    expect(interventionEventTypes({ action: "created", byRoutine: true, status: S.toSchedule })).toEqual([E.generated]);
  });

  it("adds a completion, after the creation, to work recorded as already done", () => {
    expect(interventionEventTypes({ action: "created", byRoutine: false, status: S.awaitingVerification })).toEqual([
      E.created,
      E.completed,
    ]);
  });

  it("calls an update that marks the work done a completion, any other an update", () => {
    expect(
      interventionEventTypes({ action: "updated", statusBefore: S.scheduled, status: S.awaitingVerification }),
    ).toEqual([E.completed]);
    expect(interventionEventTypes({ action: "updated", statusBefore: S.toSchedule, status: S.scheduled })).toEqual([
      E.updated,
    ]);
    expect(
      interventionEventTypes({
        action: "updated",
        statusBefore: S.awaitingVerification,
        status: S.awaitingVerification,
      }),
    ).toEqual([E.updated]);
  });

  it("gives one verified event per decision", () => {
    expect(interventionEventTypes({ action: "verified" })).toEqual([E.verified]);
  });
});
