import { anomalies, sites } from "@interventions/db";
import { listAnomaliesInput, Operation } from "@interventions/domain";
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { defineVerb } from "../verb";
import { anomalyScope } from "./anomaly-scope";

/**
 * The organization's anomalies, what a safety register shows and a curative repairs: the most severe first,
 * then the longest waiting, so that the list reads as the order in which to repair them.
 */
export const listAnomalies = defineVerb(
  { operation: Operation.read, input: listAnomaliesInput },
  async ({ ctx, input }) => {
    const conditions: (SQL | undefined)[] = [
      eq(anomalies.organizationId, ctx.actor.organizationId),
      anomalyScope(ctx.actor),
      input.status === undefined ? undefined : eq(anomalies.status, input.status),
      input.siteId === undefined ? undefined : eq(anomalies.siteId, input.siteId),
    ];
    return ctx.db
      .select({
        id: anomalies.id,
        description: anomalies.description,
        severity: anomalies.severity,
        status: anomalies.status,
        siteId: anomalies.siteId,
        siteName: sites.name,
        detectedAt: anomalies.detectedAt,
      })
      .from(anomalies)
      .innerJoin(sites, eq(sites.id, anomalies.siteId))
      .where(and(...conditions))
      .orderBy(desc(anomalies.severity), asc(anomalies.detectedAt), asc(anomalies.id));
  },
);
