import { z } from "zod";

/**
 * The documented date-time pattern: UTC (`Z`) only, seconds and fractions optional, impossible
 * calendar dates (2025-02-29, 2024-04-31) rejected. It is the contract, so it is written out
 * rather than taken from `z.iso.datetime()`, whose defaults require seconds.
 */
export const DATETIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z))$/;

export const isoDateTime = z
  .string()
  .regex(DATETIME_PATTERN, "Expected a UTC date-time such as 2024-12-01T12:34:56.000Z");

/** Ids are safe integers on the wire (±2^53−1), as zod's `z.int()` documents them. */
export const id = z.int();

export const idList = z.array(id).min(1);

export const TEXT_MAX_LENGTH = 2500;
export const longText = z.string().max(TEXT_MAX_LENGTH);

/** A path segment holding an intervention id: digits only, then the same range as body ids. */
export const idParam = z
  .string()
  .regex(/^-?\d{1,16}$/, "Expected an integer id")
  .transform(Number)
  .pipe(id);
