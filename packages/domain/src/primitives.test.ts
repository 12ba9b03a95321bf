import { describe, expect, it } from "vitest";
import { DATETIME_PATTERN, id, idList, idParam, isoDateTime, longText, TEXT_MAX_LENGTH } from "./primitives";

const MAX_SAFE = 9007199254740991;

// Copied verbatim from the "Pattern:" lines of the seed documents 000, 001 and 003.
const DOCUMENTED_PATTERN =
  "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z))$";

const ACCEPTED_DATETIMES = [
  "2024-12-01T12:34Z",
  "2024-12-01T12:34:56Z",
  "2024-12-01T12:34:56.000Z",
  "2024-12-01T12:34:56.123456Z",
  "2024-02-29T00:00Z",
  "2000-02-29T00:00Z",
  "2024-04-30T00:00Z",
  "2024-12-31T23:59:59Z",
];

const REJECTED_DATETIMES = [
  ["a 29 February outside a leap year", "2025-02-29T00:00Z"],
  ["a 29 February of a century not divisible by 400", "1900-02-29T00:00Z"],
  ["a 31st day of a 30-day month", "2024-04-31T00:00Z"],
  ["a 13th month", "2024-13-01T00:00Z"],
  ["a month 00", "2024-00-01T00:00Z"],
  ["a day 00", "2024-12-00T00:00Z"],
  ["hour 24", "2024-12-01T24:00Z"],
  ["minute 60", "2024-12-01T12:60Z"],
  ["second 60", "2024-12-01T12:34:60Z"],
  ["a +01:00 offset", "2024-12-01T12:34:56+01:00"],
  ["a +00:00 offset", "2024-12-01T12:34:56+00:00"],
  ["a -05:00 offset", "2024-12-01T12:34-05:00"],
  ["a date without time", "2024-12-01"],
  ["a lowercase z", "2024-12-01T12:34:56z"],
  ["a missing Z", "2024-12-01T12:34:56"],
  ["a trailing space", "2024-12-01T12:34:56Z "],
  ["a leading space", " 2024-12-01T12:34:56Z"],
  ["a trailing newline", "2024-12-01T12:34:56Z\n"],
  ["a space instead of T", "2024-12-01 12:34:56Z"],
  ["an hour without minutes", "2024-12-01T12Z"],
  ["a dot without fraction digits", "2024-12-01T12:34:56.Z"],
  ["an empty string", ""],
] as const;

describe("DATETIME_PATTERN", () => {
  it("is the pattern written in the contract documents", () => {
    expect(DATETIME_PATTERN.source).toBe(DOCUMENTED_PATTERN);
    expect(DATETIME_PATTERN.flags).toBe("");
  });

  it.each(ACCEPTED_DATETIMES)("accepts %s", (value) => {
    expect(DATETIME_PATTERN.test(value)).toBe(true);
  });

  it.each(REJECTED_DATETIMES)("rejects %s (%j)", (_label, value) => {
    expect(DATETIME_PATTERN.test(value)).toBe(false);
  });
});

describe("isoDateTime", () => {
  it.each(ACCEPTED_DATETIMES)("accepts %s unchanged", (value) => {
    const result = isoDateTime.safeParse(value);
    expect(result.success).toBe(true);
    expect(result.data).toBe(value);
  });

  it.each(REJECTED_DATETIMES)("rejects %s (%j)", (_label, value) => {
    expect(isoDateTime.safeParse(value).success).toBe(false);
  });

  it.each([null, undefined, 1733056496000, new Date("2024-12-01T12:34:56.000Z")])(
    "rejects the non-string %s",
    (value) => {
      expect(isoDateTime.safeParse(value).success).toBe(false);
    },
  );
});

describe("id", () => {
  it.each([0, 1, -1, MAX_SAFE, -MAX_SAFE])("accepts %d", (value) => {
    expect(id.safeParse(value)).toEqual({ success: true, data: value });
  });

  it.each([MAX_SAFE + 1, -(MAX_SAFE + 1), 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, "1", "abc", null, true])(
    "rejects %s",
    (value) => {
      expect(id.safeParse(value).success).toBe(false);
    },
  );
});

describe("idList", () => {
  it("accepts one id", () => {
    expect(idList.safeParse([1]).success).toBe(true);
  });

  it("accepts several ids at both ends of the range", () => {
    expect(idList.safeParse([MAX_SAFE, -MAX_SAFE, 3]).success).toBe(true);
  });

  it("rejects an empty array", () => {
    expect(idList.safeParse([]).success).toBe(false);
  });

  it.each([MAX_SAFE + 1, 1.5, "2"])("rejects an array holding %s, at that element", (value) => {
    const result = idList.safeParse([1, value]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[1]]);
  });

  it("rejects a single id that is not in an array", () => {
    expect(idList.safeParse(1).success).toBe(false);
  });
});

describe("longText", () => {
  it("has the documented maximum of 2500", () => {
    expect(TEXT_MAX_LENGTH).toBe(2500);
  });

  it("accepts the empty string and 2500 characters", () => {
    expect(longText.safeParse("").success).toBe(true);
    expect(longText.safeParse("x".repeat(2500)).success).toBe(true);
  });

  it("rejects 2501 characters", () => {
    expect(longText.safeParse("x".repeat(2501)).success).toBe(false);
  });
});

describe("idParam", () => {
  it.each([
    ["1", 1],
    ["-5", -5],
    ["0", 0],
    ["9007199254740991", MAX_SAFE],
    ["-9007199254740991", -MAX_SAFE],
  ])("turns %j into %d", (value, expected) => {
    expect(idParam.safeParse(value)).toEqual({ success: true, data: expected });
  });

  it.each([
    "abc",
    "1.5",
    "",
    "1e3",
    "12345678901234567",
    "9007199254740992",
    "-9007199254740992",
    "9999999999999999",
    " 1",
    "1 ",
    "+1",
    "0x10",
    "-",
  ])("rejects %j", (value) => {
    expect(idParam.safeParse(value).success).toBe(false);
  });

  it("rejects a number that is not a string", () => {
    expect(idParam.safeParse(1).success).toBe(false);
  });
});
