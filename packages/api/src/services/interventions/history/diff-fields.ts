import type { FieldChanges } from "@interventions/db";

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value].sort((a: number, b: number) => a - b);
  return value ?? null;
}

/** The fields of `after` whose value differs from `before`, as `{ field: { from, to } }`, JSON-friendly. */
export function diffFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, next] of Object.entries(after)) {
    const from = normalise(before[field]);
    const to = normalise(next);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
