import { listOptions } from "../services/directory/list-options";
import { describeSession } from "../services/session/describe-session";
import { createTRPCRouter, queryOf } from "./init";

export const sessionRouter = createTRPCRouter({
  me: queryOf(describeSession),
  /** What the forms choose from (sites, rules, assignees). */
  options: queryOf(listOptions),
});
