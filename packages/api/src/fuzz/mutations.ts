import fc from "fast-check";

// What a hostile or careless client sends instead of the value a field wants.

const HOSTILE_CONSTANTS: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0,
  1.5,
  1e308,
  -1e308,
  2 ** 53,
  -(2 ** 53),
  2 ** 63,
  1e21,
  "",
  " ",
  "0",
  "1",
  "-1",
  "1e3",
  "0x10",
  "true",
  "null",
  "NaN",
  "Infinity",
  "2024-02-30T00:00Z",
  "2026-11-23T10:00:00+02:00",
  "9".repeat(400),
  "ntf_00000000-0000-0000-0000-000000000000",
  "x".repeat(5001),
  [],
  [null],
  [[]],
  {},
  { json: null },
  { $ref: "#" },
];

/** Text that PostgreSQL cannot store, or that is not text: NUL, C0 controls, lone surrogates. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud83d", "\ude00\ud83d", "\u001b[2J", "\u0008", "\u007f"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\ud800", "\u0001"))
    .map(([text, bad]) => `${text}${bad}`),
);

/** A list past any stated maximum, or past the 65,535 parameters of a statement. */
export const hugeList: fc.Arbitrary<unknown[]> = fc
  .constantFrom(501, 70_000)
  .chain((length) => fc.constantFrom<unknown>(1, 0, -1, "1", null).map((item) => Array(length).fill(item)));

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** A field's replacement: wrong types, huge numbers, hostile text, huge lists, any JSON. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: hugeList },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

type Path = (string | number)[];

/** Every place in a value a mutation may hit, the value itself included (the empty path). */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (typeof value === "object" && value !== null) {
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return [prefix];
}

/** A copy with `path` set to `replacement` (undefined: removed); own properties, so `__proto__` is a key. */
export function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = setAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = typeof value === "object" && value !== null ? { ...value } : {};
  const key = String(head);
  const child = setAt(Object.hasOwn(copy, key) ? copy[key] : undefined, rest, replacement);
  if (child === undefined) delete copy[key];
  else Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true });
  return copy;
}

export type Mutation =
  | { kind: "keep" }
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "remove"; pick: number }
  | { kind: "spoilText"; pick: number; bad: string }
  | { kind: "growList"; pick: number; length: number }
  | { kind: "addKey"; pick: number; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: "keep" } as const) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("spoilText" as const),
      pick: fc.nat(),
      bad: fc.constantFrom("\u0000", "\ud800", "\udfff", "\u001b", "\u0007", "\u000b"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("growList" as const),
      pick: fc.nat(),
      length: fc.constantFrom(501, 70_000),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("addKey" as const),
      pick: fc.nat(),
      key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, "organizationId", "id", "status"), fc.string({ maxLength: 8 })),
      value: hostileValue,
    }),
  },
);

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}

/** The value with one mutation applied at the picked place. */
export function mutate(value: unknown, change: Mutation): unknown {
  if (change.kind === "keep") return value;
  const paths = pathsOf(value);
  if (change.kind === "spoilText" || change.kind === "growList") {
    // Aimed at a text or a list of the body, the rest kept valid: what reaches the verbs, and the database.
    const wanted = change.kind === "spoilText" ? (node: unknown) => typeof node === "string" : Array.isArray;
    const targets = paths.filter((path) => wanted(at(value, path)));
    const path = targets[change.pick % Math.max(targets.length, 1)];
    if (path === undefined) return value;
    const current = at(value, path);
    if (change.kind === "growList")
      return setAt(value, path, Array(change.length).fill((current as unknown[])[0] ?? 1));
    const text = String(current);
    const cut = change.pick % (text.length + 1);
    return setAt(value, path, `${text.slice(0, cut)}${change.bad}${text.slice(cut)}`);
  }
  const path = paths[change.pick % paths.length] ?? [];
  if (change.kind === "replace") return setAt(value, path, change.value);
  if (change.kind === "remove") return path.length === 0 ? undefined : setAt(value, path, undefined);
  const objects = paths.filter((candidate) => {
    const target = at(value, candidate);
    return typeof target === "object" && target !== null && !Array.isArray(target);
  });
  const object = objects[change.pick % Math.max(objects.length, 1)];
  return object === undefined ? value : setAt(value, [...object, change.key], change.value);
}
