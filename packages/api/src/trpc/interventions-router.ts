import {
  attendeeCountSchema,
  createCurativeBody,
  createUnplannedPreventiveBody,
  id,
  interventionFiltersInput,
  interventionIdInput,
  listInterventionsInput,
  Operation,
  planningInput,
  updatePreventiveBody,
  updateTrainingExerciseBody,
  verifyInterventionBody,
} from "@interventions/domain";
import { z } from "zod";
import {
  countByStatus,
  createCurative,
  createUnplannedPreventive,
  getIntervention,
  listInterventions,
  listPlanning,
  updatePreventive,
  updateTrainingExercise,
  verifyIntervention,
} from "../services/interventions";
import { createTRPCRouter, procedureFor } from "./init";

/** The same verbs as the REST paths, for the dashboard; inputs are the domain's schemas. */
export const interventionsRouter = createTRPCRouter({
  list: procedureFor(Operation.read)
    .input(listInterventionsInput)
    .query(({ ctx, input }) => listInterventions({ ctx: ctx.service, input })),
  countByStatus: procedureFor(Operation.read)
    .input(interventionFiltersInput)
    .query(({ ctx, input }) => countByStatus({ ctx: ctx.service, input })),
  planning: procedureFor(Operation.read)
    .input(planningInput)
    .query(({ ctx, input }) => listPlanning({ ctx: ctx.service, input })),
  get: procedureFor(Operation.read)
    .input(interventionIdInput)
    .query(({ ctx, input }) => getIntervention({ ctx: ctx.service, input })),
  createUnplannedPreventive: procedureFor(Operation.createUnplannedPreventive)
    .input(createUnplannedPreventiveBody)
    .mutation(({ ctx, input }) => createUnplannedPreventive({ ctx: ctx.service, input })),
  createCurative: procedureFor(Operation.createCurative)
    .input(createCurativeBody)
    .mutation(({ ctx, input }) => createCurative({ ctx: ctx.service, input })),
  updatePreventive: procedureFor(Operation.updatePreventive)
    .input(z.strictObject({ interventionId: id, patch: updatePreventiveBody }))
    .mutation(({ ctx, input }) => updatePreventive({ ctx: ctx.service, input })),
  updateTrainingExercise: procedureFor(Operation.updateTrainingExercise)
    .input(
      z.strictObject({
        interventionId: id,
        patch: updateTrainingExerciseBody,
        attendeeCount: attendeeCountSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateTrainingExercise({ ctx: ctx.service, input })),
  verify: procedureFor(Operation.verify)
    .input(z.strictObject({ interventionId: id, decision: verifyInterventionBody }))
    .mutation(({ ctx, input }) => verifyIntervention({ ctx: ctx.service, input })),
});
