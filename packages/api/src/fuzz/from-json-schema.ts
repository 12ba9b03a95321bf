import { DATETIME_PATTERN, SAFE_TEXT_PATTERN } from "@interventions/domain";
import fc from "fast-check";

// Valid-looking values from a JSON Schema (what zod and the OpenAPI document state), for the subset our
// input schemas use. Not a validator's twin: refinements the schema cannot state (dates in order) are left
// to chance, which the fuzz test wants anyway.

type Json = Record<string, unknown>;
const SAFE_RANGE = Number.MAX_SAFE_INTEGER;

/** Ids mostly small, so that many name rows of the demo; now and then anywhere in the safe range. */
function integer(schema: Json): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : -SAFE_RANGE;
  const max = typeof schema.maximum === "number" ? schema.maximum : SAFE_RANGE;
  const whole = fc.integer({ min, max });
  if (min > 1 || max < 80) return whole;
  return fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 80 }) }, { weight: 1, arbitrary: whole });
}

function dateTime(): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
    .map((date) => date.toISOString());
}

function patternsOf(schema: Json): string[] {
  const all = [schema.pattern, ...[schema.allOf ?? []].flat().map((part) => (part as Json).pattern)];
  return all.filter((pattern): pattern is string => typeof pattern === "string");
}

function string(schema: Json): fc.Arbitrary<string> {
  if (schema.format === "email") return fc.emailAddress();
  const patterns = patternsOf(schema);
  if (patterns.includes(DATETIME_PATTERN.source)) return dateTime();
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  const maxLength = Math.min(typeof schema.maxLength === "number" ? schema.maxLength : 40, 40);
  const other = patterns.find((pattern) => pattern !== SAFE_TEXT_PATTERN.source);
  if (other)
    return fc
      .stringMatching(new RegExp(other))
      .filter((value) => value.length >= minLength && value.length <= maxLength);
  return fc.string({ unit: "grapheme", minLength, maxLength: Math.max(minLength, maxLength) });
}

function object(schema: Json): fc.Arbitrary<Json> {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  const model = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, fromJsonSchema(child)]));
  return fc.record(model, {
    requiredKeys: Object.keys(properties).filter((key) => required.has(key)),
  }) as fc.Arbitrary<Json>;
}

/** A value of the schema's shape; `{}` (anything) gives any JSON value. */
export function fromJsonSchema(schema: Json): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ("const" in schema) return fc.constant(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map(fromJsonSchema));
  switch (schema.type) {
    case "object":
      return object(schema);
    case "array": {
      const items = fromJsonSchema((schema.items ?? {}) as Json);
      const minLength = typeof schema.minItems === "number" ? schema.minItems : 0;
      return fc.array(items, { minLength, maxLength: Math.max(minLength, 4) });
    }
    case "integer":
      return integer(schema);
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "string":
      return string(schema);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }));
  }
}
