import { Operation } from "@interventions/domain";
import { listOptions } from "../services/directory/list-options";
import { describeSession } from "../services/session/describe-session";
import { createTRPCRouter, procedureFor, protectedProcedure } from "./init";

export const sessionRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => describeSession({ ctx: ctx.service })),
  /** What the forms choose from (sites, rules, assignees). */
  options: procedureFor(Operation.read).query(({ ctx }) => listOptions({ ctx: ctx.service })),
});
