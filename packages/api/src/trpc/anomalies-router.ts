import { listAnomalies } from "../services/anomalies/list-anomalies";
import { createTRPCRouter, queryOf } from "./init";

export const anomaliesRouter = createTRPCRouter({
  list: queryOf(listAnomalies),
});
