import { interventionSites, interventions } from "@interventions/db";
import type { ListInterventionsQuery } from "@interventions/domain";
import { and, eq, exists, gte, isNull, lt, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../../../context";
import { interventionScope } from "./scope";
import { type SearchTerms, searchCondition } from "./search";

export type InterventionFilters = Pick<
  ListInterventionsQuery,
  "type" | "status" | "siteId" | "assignedProfileId" | "assignedCompanyContactId" | "unassigned" | "from" | "to" | "q"
>;

/**
 * Where the site and the dates are read: a sub-query per intervention, or the row of `intervention_sites`
 * for the site asked for, which the caller joins (its index is in (site, scheduled start) order).
 */
export type SiteSource = "subquery" | "joinedLink";

/** The WHERE conditions of the dashboard's filters, always within what the actor may see. */
export function interventionFilters(
  ctx: ServiceContext,
  input: InterventionFilters,
  siteSource: SiteSource = "subquery",
  /** The search's words as `searchTerms` read them (the caller reads them first: it takes a query). */
  search?: SearchTerms,
): (SQL | undefined)[] {
  const organizationId = ctx.actor.organizationId;
  const linked = input.siteId !== undefined && siteSource === "joinedLink";
  const scheduledStart = linked ? interventionSites.scheduledStart : interventions.scheduledStart;
  return [
    interventionScope(ctx.actor),
    input.type === undefined ? undefined : eq(interventions.type, input.type),
    input.status === undefined ? undefined : eq(interventions.status, input.status),
    input.assignedProfileId === undefined ? undefined : eq(interventions.assignedProfileId, input.assignedProfileId),
    input.assignedCompanyContactId === undefined
      ? undefined
      : eq(interventions.assignedCompanyContactId, input.assignedCompanyContactId),
    input.unassigned
      ? and(isNull(interventions.assignedCompanyContactId), isNull(interventions.assignedProfileId))
      : undefined,
    input.from === undefined ? undefined : gte(scheduledStart, new Date(input.from)),
    input.to === undefined ? undefined : lt(scheduledStart, new Date(input.to)),
    searchCondition(search),
    input.siteId === undefined
      ? undefined
      : linked
        ? and(eq(interventionSites.organizationId, organizationId), eq(interventionSites.siteId, input.siteId))
        : exists(
            ctx.db
              .select({ one: interventionSites.siteId })
              .from(interventionSites)
              .where(
                and(eq(interventionSites.interventionId, interventions.id), eq(interventionSites.siteId, input.siteId)),
              ),
          ),
  ];
}
