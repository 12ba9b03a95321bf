import { getSiteRegister } from "../services/sites/get-site-register";
import { listSites } from "../services/sites/list-sites";
import { createTRPCRouter, queryOf } from "./init";

export const sitesRouter = createTRPCRouter({
  list: queryOf(listSites),
  register: queryOf(getSiteRegister),
});
