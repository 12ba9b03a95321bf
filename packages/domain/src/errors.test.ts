import { describe, expect, it } from "vitest";
import { DomainError, ErrorCode, isDomainError, RateLimitedError, validationError } from "./errors";

describe("DomainError", () => {
  it("is an Error carrying a code, a message and issues", () => {
    const issues = [{ path: "decision", message: "Invalid option" }];
    const error = new DomainError(ErrorCode.conflict, "Already verified", issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("Already verified");
    expect(error.issues).toEqual(issues);
  });

  it("has no issues by default", () => {
    expect(new DomainError(ErrorCode.notFound, "No such intervention").issues).toEqual([]);
  });
});

describe("ErrorCode", () => {
  it("holds the documented vocabulary", () => {
    expect(Object.values(ErrorCode)).toEqual([
      "VALIDATION_FAILED",
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "NOT_FOUND",
      "INVALID_STATE",
      "CONFLICT",
      "PRECONDITION_FAILED",
      "RATE_LIMITED",
    ]);
  });
});

describe("RateLimitedError", () => {
  it("is a RATE_LIMITED DomainError saying how long to wait", () => {
    const error = new RateLimitedError(42, "Too many requests");
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 42, message: "Too many requests" });
  });
});

describe("validationError", () => {
  it("builds its message from the first issue and keeps all issues", () => {
    const issues = [
      { path: "scheduledEnd", message: "must not be before scheduledStart" },
      { path: "anomalyIds", message: "Too small" },
    ];
    const error = validationError(issues);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.validationFailed);
    expect(error.message).toBe("scheduledEnd: must not be before scheduledStart");
    expect(error.issues).toEqual(issues);
  });

  it("has a generic message when there is no issue", () => {
    const error = validationError([]);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toBe("The request is invalid");
    expect(error.issues).toEqual([]);
  });
});

describe("isDomainError", () => {
  it("recognises a DomainError and one built by validationError", () => {
    expect(isDomainError(new DomainError(ErrorCode.forbidden, "no"))).toBe(true);
    expect(isDomainError(validationError([]))).toBe(true);
  });

  it.each([
    ["a plain Error", new Error("boom")],
    ["a look-alike object", { name: "DomainError", code: "FORBIDDEN", message: "no", issues: [] }],
    ["a string", "FORBIDDEN"],
    ["null", null],
    ["undefined", undefined],
  ])("rejects %s", (_label, value) => {
    expect(isDomainError(value)).toBe(false);
  });
});
