import { type FieldChanges, interventionEvents, type Transaction } from "@interventions/db";
import type { ServiceContext } from "../../context";

export const HistoryAction = {
  created: "created",
  updated: "updated",
  verified: "verified",
} as const;
export type HistoryAction = (typeof HistoryAction)[keyof typeof HistoryAction];

export async function recordEvent(
  tx: Transaction,
  ctx: ServiceContext,
  interventionId: number,
  action: HistoryAction,
  changes: FieldChanges = {},
): Promise<void> {
  await tx.insert(interventionEvents).values({
    organizationId: ctx.actor.organizationId,
    interventionId,
    actorProfileId: ctx.actor.profileId,
    apiClientId: ctx.actor.apiClientId,
    action,
    changes,
    occurredAt: ctx.now,
  });
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value].sort((a: number, b: number) => a - b);
  return value ?? null;
}

/** The fields whose value differs, as `{ field: { from, to } }`, in JSON-friendly form. */
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
