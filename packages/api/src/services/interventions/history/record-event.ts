import { type FieldChanges, interventionEvents, type Transaction } from "@interventions/db";
import type { WriteContext } from "../../../context";

export const HistoryAction = {
  created: "created",
  updated: "updated",
  verified: "verified",
} as const;
export type HistoryAction = (typeof HistoryAction)[keyof typeof HistoryAction];

/** One entry of an intervention's history: who did what, through which API client, and what changed. */
export async function recordEvent(
  tx: Transaction,
  ctx: WriteContext,
  interventionId: number,
  action: HistoryAction,
  changes: FieldChanges = {},
): Promise<void> {
  await recordEvents(tx, ctx, [interventionId], action, changes);
}

/** The same entry in the history of each of these interventions, in one statement. */
export async function recordEvents(
  tx: Transaction,
  ctx: WriteContext,
  interventionIds: readonly number[],
  action: HistoryAction,
  changes: FieldChanges = {},
): Promise<void> {
  if (interventionIds.length === 0) return;
  await tx.insert(interventionEvents).values(
    interventionIds.map((interventionId) => ({
      organizationId: ctx.actor.organizationId,
      interventionId,
      actorProfileId: ctx.actor.profileId,
      apiClientId: ctx.actor.apiClientId,
      action,
      changes,
      occurredAt: ctx.now,
    })),
  );
}
