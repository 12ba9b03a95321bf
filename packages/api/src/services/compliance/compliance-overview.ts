import { id, type ObligationStatus, Operation } from "@interventions/domain";
import { z } from "zod";
import { defineVerb } from "../verb";
import { readObligations } from "./obligations";

export const complianceOverviewInput = z.strictObject({
  siteId: id.optional(),
  ruleId: id.optional(),
});

/** The dashboard's Compliance page: the sites × rules grid with names, and the count of each status. */
export const complianceOverview = defineVerb(
  { operation: Operation.readCompliance, input: complianceOverviewInput.optional() },
  async ({ ctx, input }) => {
    const obligations = await readObligations(ctx.db, ctx.actor.organizationId, input ?? {}, ctx.now);
    const counts: Record<ObligationStatus, number> = { compliant: 0, dueSoon: 0, overdue: 0, neverDone: 0 };
    for (const obligation of obligations) counts[obligation.status] += 1;
    return {
      counts,
      obligations: obligations.map((obligation) => ({
        ...obligation,
        lastDoneAt: obligation.lastDoneAt?.toISOString() ?? null,
        dueAt: obligation.dueAt?.toISOString() ?? null,
        nextIntervention: obligation.nextIntervention && {
          id: obligation.nextIntervention.id,
          scheduledStart: obligation.nextIntervention.scheduledStart.toISOString(),
        },
      })),
    };
  },
);
