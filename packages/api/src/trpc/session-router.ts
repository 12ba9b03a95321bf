import { listOptions } from "../services/directory/list-options";
import { describeSession } from "../services/session/describe-session";
import { setLocale } from "../services/session/set-locale";
import { createTRPCRouter, mutationOf, queryOf } from "./init";

export const sessionRouter = createTRPCRouter({
  me: queryOf(describeSession),
  /** What the forms choose from (sites, rules, assignees). */
  options: queryOf(listOptions),
  /** Saves the user's choice of language on their profile (the header's language switch). */
  setLocale: mutationOf(setLocale),
});
