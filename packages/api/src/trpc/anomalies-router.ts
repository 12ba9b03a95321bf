import { listAnomaliesInput, Operation } from "@interventions/domain";
import { listAnomalies } from "../services/anomalies/list-anomalies";
import { createTRPCRouter, procedureFor } from "./init";

export const anomaliesRouter = createTRPCRouter({
  list: procedureFor(Operation.read)
    .input(listAnomaliesInput)
    .query(({ ctx, input }) => listAnomalies({ ctx: ctx.service, input })),
});
