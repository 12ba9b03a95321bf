import {
  createCurativeBody,
  createUnplannedPreventiveBody,
  id,
  interventionIdInput,
  listInterventionsInput,
  updatePreventiveBody,
  updateTrainingExerciseBody,
  verifyInterventionBody,
} from "@interventions/domain";
import { z } from "zod";
import {
  createCurative,
  createUnplannedPreventive,
  getIntervention,
  listInterventions,
  updatePreventive,
  updateTrainingExercise,
  verifyIntervention,
} from "../services/interventions";
import { createTRPCRouter, protectedProcedure } from "./init";

/** The same verbs as the REST paths, for the dashboard; inputs are the domain's schemas. */
export const interventionsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listInterventionsInput)
    .query(({ ctx, input }) => listInterventions({ ctx: ctx.service, input })),
  get: protectedProcedure
    .input(interventionIdInput)
    .query(({ ctx, input }) => getIntervention({ ctx: ctx.service, input })),
  createUnplannedPreventive: protectedProcedure
    .input(createUnplannedPreventiveBody)
    .mutation(({ ctx, input }) => createUnplannedPreventive({ ctx: ctx.service, input })),
  createCurative: protectedProcedure
    .input(createCurativeBody)
    .mutation(({ ctx, input }) => createCurative({ ctx: ctx.service, input })),
  updatePreventive: protectedProcedure
    .input(z.strictObject({ interventionId: id, patch: updatePreventiveBody }))
    .mutation(({ ctx, input }) => updatePreventive({ ctx: ctx.service, input })),
  updateTrainingExercise: protectedProcedure
    .input(z.strictObject({ interventionId: id, patch: updateTrainingExerciseBody }))
    .mutation(({ ctx, input }) => updateTrainingExercise({ ctx: ctx.service, input })),
  verify: protectedProcedure
    .input(z.strictObject({ interventionId: id, decision: verifyInterventionBody }))
    .mutation(({ ctx, input }) => verifyIntervention({ ctx: ctx.service, input })),
});
