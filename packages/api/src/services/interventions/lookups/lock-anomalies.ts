import { anomalies, type Executor, interventionAnomalies, interventions } from "@interventions/db";
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
  const activeCurative = sql<number | null>`(
    select ${interventions.id} from ${interventionAnomalies}
    inner join ${interventions} on ${interventions.id} = ${interventionAnomalies.interventionId}
    where ${interventionAnomalies.anomalyId} = ${anomalies.id}
      and ${interventions.type} = ${InterventionType.curative}
      and ${interventions.status} = any(${`{${ACTIVE_STATUSES.join(",")}}`}::smallint[])
      and ${interventions.deletedAt} is null
    limit 1)`.mapWith(Number);
  return db
    .select({ id: anomalies.id, status: anomalies.status, siteId: anomalies.siteId, activeCurativeId: activeCurative })
    .from(anomalies)
    .where(and(eq(anomalies.organizationId, organizationId), inIds(anomalies.id, ids)))
    .orderBy(anomalies.id)
    .for("update", { of: anomalies });
}
