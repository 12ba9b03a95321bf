import { type FieldChanges, interventions, type Transaction } from "@interventions/db";
import { interventionEventTypes } from "@interventions/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../../context";
import { announceInterventionChanges } from "../../webhooks/announce";
import { HistoryAction, recordEvent } from "../history/record-event";
import type { InterventionRow } from "../lookups/lock-intervention";
import { tellUpdated, type UpdateEmailOptions } from "../notify/who-is-told";
import type { InterventionChanges } from "./plan-update";

/**
 * Writes a change that is not empty, with its history event, who is told of it and the partners' webhooks:
 * all in the caller's transaction. An update that changes nothing records nothing.
 */
export async function commitUpdate(
  tx: Transaction,
  ctx: ServiceContext,
  update: { current: InterventionRow; values: InterventionChanges; changes: FieldChanges },
  emails: UpdateEmailOptions,
): Promise<void> {
  const { current, values, changes } = update;
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(interventions)
    .set({ ...values, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(interventions.id, current.id));
  await recordEvent(tx, ctx, current.id, HistoryAction.updated, changes);
  await tellUpdated(tx, ctx, { before: current, after: { ...current, ...values }, changes }, emails);
  const types = interventionEventTypes({
    action: "updated",
    statusBefore: current.status,
    status: values.status ?? current.status,
  });
  await announceInterventionChanges(tx, ctx, [{ interventionId: current.id, types }]);
}
