import { listRoutinesInput, Operation } from "@interventions/domain";
import { defineVerb } from "../verb";
import { readRoutineViews } from "./routine-view";

/** The routines behind the organization's checks (or one site's, one rule's), for the Routines page. */
export const listRoutines = defineVerb(
  { operation: Operation.readRoutines, input: listRoutinesInput },
  async ({ ctx, input }) => ({
    routines: await readRoutineViews(ctx.db, ctx.actor.organizationId, input ?? {}, ctx.now),
  }),
);
