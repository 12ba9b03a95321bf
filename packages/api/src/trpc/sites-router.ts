import { Operation, siteIdInput } from "@interventions/domain";
import { getSiteRegister } from "../services/sites/get-site-register";
import { listSites } from "../services/sites/list-sites";
import { createTRPCRouter, procedureFor } from "./init";

export const sitesRouter = createTRPCRouter({
  list: procedureFor(Operation.read).query(({ ctx }) => listSites({ ctx: ctx.service })),
  register: procedureFor(Operation.read)
    .input(siteIdInput)
    .query(({ ctx, input }) => getSiteRegister({ ctx: ctx.service, input })),
});
