import { homeOverview } from "../services/home/home-overview";
import { createTRPCRouter, queryOf } from "./init";

/** The home page: what needs the signed-in member's attention. */
export const homeRouter = createTRPCRouter({
  overview: queryOf(homeOverview),
});
