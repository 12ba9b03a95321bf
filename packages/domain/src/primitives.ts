import { z } from "zod";

/**
 * The documented date-time pattern: UTC (`Z`) only, seconds and fractions optional, impossible
 * calendar dates (2025-02-29, 2024-04-31) rejected. It is the contract, so it is written out
 * rather than taken from `z.iso.datetime()`, whose defaults require seconds.
 */
export const DATETIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z))$/;

/** Longer than any date-time a client means to send; the pattern alone would let the fraction run on. */
export const DATETIME_MAX_LENGTH = 64;

export const isoDateTime = z
  .string()
  .max(DATETIME_MAX_LENGTH, `At most ${DATETIME_MAX_LENGTH} characters`)
  .regex(DATETIME_PATTERN, "Expected a UTC date-time such as 2024-12-01T12:34:56.000Z");

/** Ids are safe integers on the wire (±2^53−1), as zod's `z.int()` documents them. */
export const id = z.int();

/** No seed documents a maximum for a list of ids; 500 is far above any real request and keeps queries small. */
export const ID_LIST_MAX = 500;
export const idList = z.array(id).min(1).max(ID_LIST_MAX, `At most ${ID_LIST_MAX} items`);

/**
 * What a text field may not hold: U+0000 (PostgreSQL cannot store it), the other C0 controls but tab, line
 * feed and carriage return (invisible), and halves of a surrogate pair without the other (no character at
 * all). With the `u` flag a well-formed pair is one code point, outside the excluded range.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what the pattern refuses.
export const SAFE_TEXT_PATTERN = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]*$/u;
export const SAFE_TEXT_MESSAGE = "Remove the invisible control characters or broken characters from this text";

/** The one refinement every string schema carries (and the OpenAPI document shows as its `pattern`). */
export const safeText = z.regex(SAFE_TEXT_PATTERN, SAFE_TEXT_MESSAGE);

/** A string of a request: a stated maximum, and only characters that can be stored and seen. */
export function text(limits: { max: number; min?: number }) {
  const base = z.string();
  const bounded =
    limits.min === undefined
      ? base
      : base.min(limits.min, `At least ${limits.min} character${limits.min === 1 ? "" : "s"}`);
  return bounded.max(limits.max, `At most ${limits.max} characters`).check(safeText);
}

export const EMAIL_MAX_LENGTH = 254;
// The format last: the document then states `format: email` beside both patterns.
export const emailAddress = text({ max: EMAIL_MAX_LENGTH }).check(z.email());

/** The documented maximum of a description and of a decision comment (seeds 001–004). */
export const TEXT_MAX_LENGTH = 2500;
export const longText = text({ max: TEXT_MAX_LENGTH });

/** Comments the seeds give no maximum for (the provider's, a reassignment's reason). */
export const COMMENT_MAX_LENGTH = 5000;
export const commentText = text({ max: COMMENT_MAX_LENGTH });

/** Names, file names and opaque ids. */
export const NAME_MAX_LENGTH = 255;

/** A path segment holding an intervention id: digits only, then the same range as body ids. */
export const idParam = z
  .string()
  .max(17)
  .check(safeText)
  .regex(/^-?\d{1,16}$/, "Expected an integer id")
  .transform(Number)
  .pipe(id);

/** A partner page: 1 to 100 items, 50 unless asked. */
export const PAGE_MAX = 100;
export const PAGE_DEFAULT = 50;

/** A page size as the query string carries it: digits only. */
export const pageSizeParam = text({ max: 3 })
  .regex(/^\d{1,3}$/, `Expected a whole number from 1 to ${PAGE_MAX}`)
  .transform(Number)
  .pipe(z.int().min(1).max(PAGE_MAX));

/** Where the previous page ended: opaque to the client. */
export const pageCursor = text({ min: 1, max: 200 }).meta({
  description: "Where the previous page ended: its `nextCursor`.",
  example: "WzEyXQ",
});

/** One of a numeric enum's values, as the query string carries it (`?status=3`). */
export function enumParam<const E extends Record<string, number>>(values: E) {
  const allowed = Object.values(values).sort((a, b) => a - b);
  return text({ max: 3 })
    .regex(/^\d{1,3}$/, `Expected one of ${allowed.join(", ")}`)
    .transform(Number)
    .pipe(z.enum(values));
}
