import {
  countByStatus,
  createCurative,
  createUnplannedPreventive,
  getIntervention,
  listInterventions,
  listPlanning,
  planPreventive,
  updatePreventive,
  updateTrainingExercise,
  verifyIntervention,
} from "../services/interventions";
import { createTRPCRouter, mutationOf, queryOf } from "./init";

/** The same verbs as the REST paths, for the dashboard. */
export const interventionsRouter = createTRPCRouter({
  list: queryOf(listInterventions),
  countByStatus: queryOf(countByStatus),
  planning: queryOf(listPlanning),
  get: queryOf(getIntervention),
  createUnplannedPreventive: mutationOf(createUnplannedPreventive),
  createCurative: mutationOf(createCurative),
  planPreventive: mutationOf(planPreventive),
  updatePreventive: mutationOf(updatePreventive),
  updateTrainingExercise: mutationOf(updateTrainingExercise),
  verify: mutationOf(verifyIntervention),
});
