import { anomalies, type Executor, interventionAnomalies, interventions } from "@interventions/db";
import { ACTIVE_STATUSES, type AnomalyFacts, InterventionType } from "@interventions/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { inIds } from "../../id-array";

/** Anomalies with the undecided curative covering each, locked so that two curatives cannot take the same one. */
export async function lockAnomalies(
  db: Executor,
  organizationId: number,
  ids: number[],
): Promise<(AnomalyFacts & { siteId: number })[]> {
  const rows = await db
    .select({ id: anomalies.id, status: anomalies.status, siteId: anomalies.siteId })
    .from(anomalies)
    .where(and(eq(anomalies.organizationId, organizationId), inIds(anomalies.id, ids)))
    .orderBy(anomalies.id)
    .for("update");
  if (rows.length === 0) return [];
  const covering = await db
    .select({ anomalyId: interventionAnomalies.anomalyId, interventionId: interventions.id })
    .from(interventionAnomalies)
    .innerJoin(interventions, eq(interventions.id, interventionAnomalies.interventionId))
    .where(
      and(
        inIds(
          interventionAnomalies.anomalyId,
          rows.map((row) => row.id),
        ),
        eq(interventions.type, InterventionType.curative),
        inArray(interventions.status, [...ACTIVE_STATUSES]),
        isNull(interventions.deletedAt),
      ),
    );
  const coveringById = new Map(covering.map((row) => [row.anomalyId, row.interventionId]));
  return rows.map((row) => ({ ...row, activeCurativeId: coveringById.get(row.id) ?? null }));
}
