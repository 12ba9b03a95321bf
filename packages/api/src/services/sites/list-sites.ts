import { anomalies, siteRules, sites } from "@interventions/db";
import { AnomalyStatus, Operation } from "@interventions/domain";
import { and, asc, countDistinct, eq, isNull } from "drizzle-orm";
import { anomalyScope } from "../anomalies/anomaly-scope";
import { defineVerb, noInput } from "../verb";

/** The organization's sites with how many rules apply to each and how many anomalies are open. */
export const listSites = defineVerb({ operation: Operation.read, input: noInput }, async ({ ctx }) => {
  return ctx.db
    .select({
      id: sites.id,
      name: sites.name,
      address: sites.address,
      postalCode: sites.postalCode,
      city: sites.city,
      ruleCount: countDistinct(siteRules.id),
      openAnomalyCount: countDistinct(anomalies.id),
    })
    .from(sites)
    .leftJoin(siteRules, eq(siteRules.siteId, sites.id))
    .leftJoin(
      anomalies,
      and(eq(anomalies.siteId, sites.id), eq(anomalies.status, AnomalyStatus.open), anomalyScope(ctx.actor)),
    )
    .where(and(eq(sites.organizationId, ctx.actor.organizationId), isNull(sites.archivedAt)))
    .groupBy(sites.id)
    .orderBy(asc(sites.name));
});
