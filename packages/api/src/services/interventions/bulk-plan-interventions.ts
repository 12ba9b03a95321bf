import { bulkPlanInput, Operation } from "@interventions/domain";
import { defineVerb } from "../verb";
import { applyToMany } from "./bulk/apply-to-many";

/** Plans the selected interventions on the same dates, all or none, as one edit each would. */
export const bulkPlanInterventions = defineVerb(
  { operation: Operation.updatePreventive, input: bulkPlanInput },
  async ({ ctx, input }) =>
    ctx.db.transaction((tx) =>
      applyToMany(tx, ctx, input.interventionIds, {
        scheduledStart: input.scheduledStart,
        scheduledEnd: input.scheduledEnd,
      }),
    ),
);
