import { complianceOverview } from "../services/compliance/compliance-overview";
import { listObligations } from "../services/compliance/list-obligations";
import { createTRPCRouter, queryOf } from "./init";

/** Where the organization's obligations stand: the Compliance page, and the same page as partners read it. */
export const complianceRouter = createTRPCRouter({
  overview: queryOf(complianceOverview),
  list: queryOf(listObligations),
});
