import { interventionSites, interventions } from "@interventions/db";
import { InterventionStatus, isOverdue, Operation, planningInput } from "@interventions/domain";
import { and, asc, ne } from "drizzle-orm";
import { inIds } from "../id-array";
import { defineVerb } from "../verb";
import { interventionFilters } from "./read/filters";

/** Bounded: a month of a large organization fits; the page asks for one week or one month. */
export const PLANNING_MAX_ITEMS = 2000;

/** Interventions scheduled in a period, with their sites, for the planning view. */
export const listPlanning = defineVerb({ operation: Operation.read, input: planningInput }, async ({ ctx, input }) => {
  const rows = await ctx.db
    .select({
      id: interventions.id,
      type: interventions.type,
      status: interventions.status,
      description: interventions.description,
      scheduledStart: interventions.scheduledStart,
      scheduledEnd: interventions.scheduledEnd,
    })
    .from(interventions)
    .where(and(...interventionFilters(ctx, input), ne(interventions.status, InterventionStatus.cancelled)))
    .orderBy(asc(interventions.scheduledStart), asc(interventions.id))
    .limit(PLANNING_MAX_ITEMS + 1);
  const items = rows.slice(0, PLANNING_MAX_ITEMS);
  const links =
    items.length === 0
      ? []
      : await ctx.db
          .select({ interventionId: interventionSites.interventionId, siteId: interventionSites.siteId })
          .from(interventionSites)
          .where(
            inIds(
              interventionSites.interventionId,
              items.map((item) => item.id),
            ),
          );
  const siteIdsOf = new Map<number, number[]>();
  for (const link of links)
    siteIdsOf.set(link.interventionId, [...(siteIdsOf.get(link.interventionId) ?? []), link.siteId]);
  return {
    truncated: rows.length > PLANNING_MAX_ITEMS,
    items: items.map((item) => ({
      ...item,
      siteIds: siteIdsOf.get(item.id) ?? [],
      overdue: isOverdue(item.status, item.scheduledEnd, ctx.now),
    })),
  };
});
