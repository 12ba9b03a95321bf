import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  COMMENT_MAX_LENGTH,
  commentText,
  emailAddress,
  ID_LIST_MAX,
  idList,
  isoDateTime,
  SAFE_TEXT_MESSAGE,
  TEXT_MAX_LENGTH,
  text,
} from "./primitives";
import { issuesFromZod, MAX_ISSUES } from "./validation";

const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);
const REFUSED_CONTROLS = Array.from({ length: 0x20 }, (_, code) => code).filter((code) => !ALLOWED_CONTROLS.has(code));

describe("text()", () => {
  const field = text({ max: 20 });

  it.each([
    ["the empty string", ""],
    ["tab, line feed and carriage return", "a\tb\nc\r\n"],
    ["accents and other scripts", "Sécurité — 安全"],
    ["a surrogate pair (an emoji)", "ok 👍"],
    ["DEL and C1 controls, which PostgreSQL stores", "a\u007fb\u0085"],
  ])("accepts %s", (_, value) => {
    expect(field.safeParse(value).success).toBe(true);
  });

  it.each(REFUSED_CONTROLS.map((code) => [`U+${code.toString(16).padStart(4, "0").toUpperCase()}`, code]))(
    "refuses %s, in words a user understands",
    (_, code) => {
      const result = field.safeParse(`a${String.fromCharCode(code as number)}b`);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([SAFE_TEXT_MESSAGE]);
    },
  );

  it.each([
    ["a lone high surrogate", "a\ud800b"],
    ["a lone low surrogate", "a\udc00b"],
    ["a high surrogate at the end", "ab\ud83d"],
    ["a pair in the wrong order", "\ude00\ud83d"],
  ])("refuses %s", (_, value) => {
    const result = field.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([SAFE_TEXT_MESSAGE]);
  });

  it("names its maximum and its minimum", () => {
    expect(field.safeParse("x".repeat(21)).error?.issues.map((issue) => issue.message)).toEqual([
      "At most 20 characters",
    ]);
    expect(
      text({ min: 1, max: 5 })
        .safeParse("")
        .error?.issues.map((issue) => issue.message),
    ).toEqual(["At least 1 character"]);
  });
});

describe("the limits", () => {
  it("keeps the documented 2500 for descriptions and decision comments, 5000 for other comments", () => {
    expect(TEXT_MAX_LENGTH).toBe(2500);
    expect(COMMENT_MAX_LENGTH).toBe(5000);
    expect(commentText.safeParse("x".repeat(5000)).success).toBe(true);
    expect(commentText.safeParse("x".repeat(5001)).success).toBe(false);
  });

  it("refuses control characters in an e-mail address", () => {
    expect(emailAddress.safeParse("a@b.fr").success).toBe(true);
    expect(emailAddress.safeParse("a\u0000@b.fr").success).toBe(false);
  });

  it("bounds a date-time's length", () => {
    expect(isoDateTime.safeParse(`2024-12-01T12:34:56.${"0".repeat(60)}Z`).success).toBe(false);
  });

  it(`accepts ${ID_LIST_MAX} ids and refuses one more with one issue naming the limit`, () => {
    expect(idList.safeParse(Array.from({ length: ID_LIST_MAX }, (_, i) => i)).success).toBe(true);
    const result = idList.safeParse(Array.from({ length: 70_000 }, (_, i) => i));
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [], message: "At most 500 items" })]);
  });
});

describe("issuesFromZod", () => {
  it(`lists at most ${MAX_ISSUES} issues and counts the rest`, () => {
    const body = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`k${index}`, 1]));
    const result = z.strictObject({}).safeParse(body);
    const issues = result.success ? [] : issuesFromZod(result.error);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.at(-1)).toEqual({ path: "", message: `${5000 - MAX_ISSUES} more problems not listed` });
  });
});
