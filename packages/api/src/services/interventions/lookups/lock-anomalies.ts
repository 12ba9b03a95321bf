import { anomalies, type Executor } from "@interventions/db";
import { ACTIVE_STATUSES, type AnomalyFacts, InterventionType } from "@interventions/domain";
import { and, eq, sql } from "drizzle-orm";
import { inIds } from "../../id-array";

/**
 * Anomalies with the undecided curative covering each, locked so that two curatives cannot take the same one:
 * one statement (the covering curative is a subquery of each locked row).
 */
export async function lockAnomalies(
  db: Executor,
  organizationId: number,
  ids: number[],
): Promise<(AnomalyFacts & { siteId: number })[]> {
  // Written out with its own aliases: drizzle leaves a select list's columns unqualified, and an unqualified
  // "id" here would be the intervention's, not the locked anomaly's.
  const activeCurative = sql<number | null>`(
    select i.id from intervention_anomalies ia
    inner join interventions i on i.id = ia.intervention_id
    where ia.anomaly_id = "anomalies"."id"
      and i.type = ${InterventionType.curative}
      and i.status = any(${`{${ACTIVE_STATUSES.join(",")}}`}::smallint[])
      and i.deleted_at is null
    limit 1)`.mapWith(Number);
  return db
    .select({ id: anomalies.id, status: anomalies.status, siteId: anomalies.siteId, activeCurativeId: activeCurative })
    .from(anomalies)
    .where(and(eq(anomalies.organizationId, organizationId), inIds(anomalies.id, ids)))
    .orderBy(anomalies.id)
    .for("update", { of: anomalies });
}
