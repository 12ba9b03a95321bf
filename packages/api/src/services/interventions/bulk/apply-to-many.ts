import { interventions, type Transaction } from "@interventions/db";
import { type BulkRowRefusal, bulkRefused, InterventionType, Operation, stateAllows } from "@interventions/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { ServiceContext } from "../../../context";
import { inIds } from "../../id-array";
import { announceInterventionChanges } from "../../webhooks/announce";
import type { InterventionRow } from "../lookups/lock-intervention";
import { commitUpdate } from "../planning/commit-update";
import { type InterventionChanges, type PlanningInput, planningChanges, planUpdate } from "../planning/plan-update";

/** The edit each type's single update allows; a repair has none (it is planned when created). */
const EDIT_OF: Partial<Record<InterventionType, Operation>> = {
  [InterventionType.preventive]: Operation.updatePreventive,
  [InterventionType.trainingExercise]: Operation.updateTrainingExercise,
};

/** The ids of interventions a bulk action changed, and those it found already so (no event, no notice). */
export interface BulkResult {
  updated: number[];
  unchanged: number[];
}

/**
 * One change applied to many interventions, all or none, in the caller's transaction: every row is locked
 * (in id order, so two bulk actions never deadlock), each is checked as its single edit checks it, and a
 * refusal of any row refuses the whole with every refused row's reason. Each changed row is written as its
 * single edit writes it (history event, who is told) and announced to the webhooks.
 */
export async function applyToMany(
  tx: Transaction,
  ctx: ServiceContext,
  ids: readonly number[],
  planning: PlanningInput,
): Promise<BulkResult> {
  const { organizationId } = ctx.actor;
  const rows = await tx
    .select()
    .from(interventions)
    .where(
      and(
        eq(interventions.organizationId, organizationId),
        isNull(interventions.deletedAt),
        inIds(interventions.id, ids),
      ),
    )
    .orderBy(asc(interventions.id))
    .for("update");
  const byId = new Map(rows.map((row) => [row.id, row]));
  const refusals: BulkRowRefusal[] = [];
  ids.forEach((id, index) => {
    const row = byId.get(id);
    const edit = row && EDIT_OF[row.type];
    if (!row) refusals.push({ index, reason: "notFound" });
    else if (!edit) refusals.push({ index, reason: "repair" });
    else if (!stateAllows(row.status, edit)) refusals.push({ index, reason: "notEditable" });
  });
  if (refusals.length > 0) throw bulkRefused(refusals);

  const planned: { current: InterventionRow; values: InterventionChanges }[] = [];
  for (const id of ids) {
    const current = byId.get(id) as InterventionRow;
    planned.push({ current, values: await planUpdate(tx, ctx, current, planning) });
  }
  const result: BulkResult = { updated: [], unchanged: [] };
  const announced: { interventionId: number; types: Awaited<ReturnType<typeof commitUpdate>> }[] = [];
  for (const { current, values } of planned) {
    const changes = planningChanges(current, values);
    const types = await commitUpdate(tx, ctx, { current, values, changes }, {});
    (Object.keys(changes).length === 0 ? result.unchanged : result.updated).push(current.id);
    announced.push({ interventionId: current.id, types });
  }
  await announceInterventionChanges(tx, ctx, announced);
  return result;
}
