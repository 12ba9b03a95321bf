import { listAnomaliesInput } from "@interventions/domain";
import { listAnomalies } from "../services/anomalies/list-anomalies";
import { createTRPCRouter, protectedProcedure } from "./init";

export const anomaliesRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listAnomaliesInput)
    .query(({ ctx, input }) => listAnomalies({ ctx: ctx.service, input })),
});
