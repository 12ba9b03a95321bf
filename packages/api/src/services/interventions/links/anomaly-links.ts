import { anomalies, interventionAnomalies, type Transaction } from "@interventions/db";
import { AnomalyStatus } from "@interventions/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ServiceContext } from "../../../context";
import { idArray } from "../../id-array";

/** A curative takes its anomalies: they are in repair until the repair is decided. One statement for both. */
export async function holdAnomalies(
  tx: Transaction,
  ctx: ServiceContext,
  interventionId: number,
  anomalyIds: readonly number[],
): Promise<void> {
  const held = tx.$with("held").as(
    tx
      .insert(interventionAnomalies)
      .select(sql`select ${interventionId}::bigint, unnest(${idArray(anomalyIds)})`)
      .returning({ anomalyId: interventionAnomalies.anomalyId }),
  );
  await tx
    .with(held)
    .update(anomalies)
    .set({ status: AnomalyStatus.inRepair, updatedAt: ctx.now })
    .where(
      and(
        inArray(anomalies.id, tx.select({ id: held.anomalyId }).from(held)),
        eq(anomalies.organizationId, ctx.actor.organizationId),
      ),
    );
}

/** An accepted repair closes its anomalies; a rejected one gives them back, open, for another repair. */
export async function settleAnomalies(
  tx: Transaction,
  ctx: ServiceContext,
  interventionId: number,
  repaired: boolean,
): Promise<void> {
  const held = tx
    .select({ id: interventionAnomalies.anomalyId })
    .from(interventionAnomalies)
    .where(eq(interventionAnomalies.interventionId, interventionId));
  await tx
    .update(anomalies)
    .set(
      repaired
        ? { status: AnomalyStatus.closed, closedAt: ctx.now, updatedAt: ctx.now }
        : { status: AnomalyStatus.open, closedAt: null, updatedAt: ctx.now },
    )
    .where(and(inArray(anomalies.id, held), eq(anomalies.organizationId, ctx.actor.organizationId)));
}
