import { interventionSites, interventions } from "@interventions/db";
import type { ListInterventionsQuery } from "@interventions/domain";
import { and, eq, exists, gte, isNull, lt, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../../context";

export type InterventionFilters = Pick<
  ListInterventionsQuery,
  "type" | "status" | "siteId" | "assignedProfileId" | "assignedCompanyContactId" | "from" | "to"
>;

/** The WHERE conditions of the dashboard's filters, always within the actor's organization. */
export function interventionFilters(ctx: ServiceContext, input: InterventionFilters): (SQL | undefined)[] {
  return [
    eq(interventions.organizationId, ctx.actor.organizationId),
    isNull(interventions.deletedAt),
    input.type === undefined ? undefined : eq(interventions.type, input.type),
    input.status === undefined ? undefined : eq(interventions.status, input.status),
    input.assignedProfileId === undefined ? undefined : eq(interventions.assignedProfileId, input.assignedProfileId),
    input.assignedCompanyContactId === undefined
      ? undefined
      : eq(interventions.assignedCompanyContactId, input.assignedCompanyContactId),
    input.from === undefined ? undefined : gte(interventions.scheduledStart, new Date(input.from)),
    input.to === undefined ? undefined : lt(interventions.scheduledStart, new Date(input.to)),
    input.siteId === undefined
      ? undefined
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
