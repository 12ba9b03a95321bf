import { type FieldChanges, interventions, type Transaction } from "@interventions/db";
import { type InterventionEventType, interventionEventTypes } from "@interventions/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../../context";
import { HistoryAction, recordEvent } from "../history/record-event";
import type { InterventionRow } from "../lookups/lock-intervention";
import { tellUpdated, type UpdateEmailOptions } from "../notify/who-is-told";
import type { InterventionChanges } from "./plan-update";

/**
 * Writes a change that is not empty, with its history event and who is told of it: all in the caller's
 * transaction. An update that changes nothing records nothing. Returns the events the change gives its
 * webhooks (none for no change), for the verb to announce with its answer.
 */
export async function commitUpdate(
  tx: Transaction,
  ctx: ServiceContext,
  update: { current: InterventionRow; values: InterventionChanges; changes: FieldChanges },
  emails: UpdateEmailOptions,
): Promise<InterventionEventType[]> {
  const { current, values, changes } = update;
  if (Object.keys(changes).length === 0) return [];
  // Independent writes, sent together: they share round trips.
  await Promise.all([
    tx
      .update(interventions)
      .set({ ...values, version: current.version + 1, updatedAt: ctx.now })
      .where(eq(interventions.id, current.id)),
    recordEvent(tx, ctx, current.id, HistoryAction.updated, changes),
    tellUpdated(tx, ctx, { before: current, after: { ...current, ...values }, changes }, emails),
  ]);
  return interventionEventTypes({
    action: "updated",
    statusBefore: current.status,
    status: values.status ?? current.status,
  });
}
