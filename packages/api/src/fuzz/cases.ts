import fc from "fast-check";
import { z } from "zod";
import { fromJsonSchema } from "./from-json-schema";
import { type Mutation, mutate, mutation } from "./mutations";

// One generated request: who sends it, what it starts from (a body that succeeds, or one built from the
// schema), how it is spoiled, and how it is put on the wire.

/** How the body goes on the wire: JSON of the value, or bytes that are not (quite) JSON. */
export type Encoding =
  | { kind: "json" }
  | { kind: "raw"; bytes: string | Uint8Array<ArrayBuffer> }
  | { kind: "meta"; meta: unknown };

const RAW_BODIES: (string | Uint8Array<ArrayBuffer>)[] = [
  "",
  "{",
  "[1,",
  "null",
  '"text"',
  "\u0000",
  '{"a":1}trailing',
  '\ufeff{"description":"x"}',
  "[".repeat(100_000),
  '{"a":'.repeat(10_000),
  new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  new Uint8Array([0xed, 0xa0, 0x80]),
];

/** superjson's `meta` as a client may forge it: types that turn strings into dates, sets, classes… */
const METAS: unknown[] = [
  { values: { description: ["Date"] } },
  { values: { interventionId: ["bigint"] } },
  { values: { description: ["regexp"] } },
  { values: { description: [["custom", "Nope"]] } },
  { values: { description: [["class", "Error"]] } },
  { values: ["set"] },
  { values: ["Error"] },
  { referentialEqualities: { description: ["decisionComment"] } },
  { values: { __proto__: ["Date"] } },
  "meta",
];

export const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: "json" } as const) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((bytes) => ({ kind: "raw", bytes }) as const) },
  { weight: 1, arbitrary: fc.constantFrom(...METAS).map((meta) => ({ kind: "meta", meta }) as const) },
);

export interface Case {
  actor: number;
  /** The value sent (for REST, the body; for tRPC, the input). */
  value: unknown;
  /** REST paths with an `{interventionId}`: the segment sent. */
  segment: string;
  encoding: Encoding;
}

const SEGMENTS = [
  "abc",
  "-1",
  "0",
  "1.5",
  "1e3",
  "0x10",
  "99999999999999999999",
  "%00",
  "%2e%2e",
  "%F0%9F",
  "%E0%A4%A",
  " 1",
];

/**
 * Cases for one operation: `valid(pick)` is a body of the pool that would succeed (undefined when the
 * operation has none), `schema` the operation's input schema to build others from.
 */
export function casesFor(options: {
  schema: z.ZodType;
  valid: (pick: number) => unknown;
  ids: (pick: number) => number;
  actors: number;
}): fc.Arbitrary<Case> {
  const fromSchema = fromJsonSchema(z.toJSONSchema(options.schema, { io: "input", unrepresentable: "any" }));
  const start = fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((pick) => options.valid(pick)) },
    { weight: 2, arbitrary: fromSchema },
  );
  const segment = fc.oneof(
    { weight: 6, arbitrary: fc.nat().map((pick) => String(options.ids(pick))) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 200 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom(...SEGMENTS) },
  );
  const actor = fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: options.actors - 1 }) },
  );
  return fc
    .record({
      actor,
      start,
      changes: fc.array<Mutation>(mutation, { minLength: 0, maxLength: 3 }),
      segment,
      encoding,
    })
    .map(({ actor, start, changes, segment, encoding }) => ({
      actor,
      value: changes.reduce<unknown>((value, change) => mutate(value, change), start),
      segment,
      encoding,
    }));
}
