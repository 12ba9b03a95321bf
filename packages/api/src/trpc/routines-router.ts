import { listRoutines } from "../services/routines/list-routines";
import { updateRoutine } from "../services/routines/update-routine";
import { createTRPCRouter, mutationOf, queryOf } from "./init";

/** The routines behind the checks: the Routines page reads them, admins and managers change them. */
export const routinesRouter = createTRPCRouter({
  list: queryOf(listRoutines),
  update: mutationOf(updateRoutine),
});
