import {
  bulkAssignInterventions,
  bulkPlanInterventions,
  countByStatus,
  createCurative,
  createUnplannedPreventive,
  getIntervention,
  listInterventions,
  listPlanning,
  planPreventive,
  readIntervention,
  syncInterventions,
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
  /** What partners read and sync from (`GET /interventions/v2/rs/{id}`, `GET /interventions/v2/rs`). */
  read: queryOf(readIntervention),
  sync: queryOf(syncInterventions),
  createUnplannedPreventive: mutationOf(createUnplannedPreventive),
  createCurative: mutationOf(createCurative),
  planPreventive: mutationOf(planPreventive),
  updatePreventive: mutationOf(updatePreventive),
  updateTrainingExercise: mutationOf(updateTrainingExercise),
  verify: mutationOf(verifyIntervention),
  /** The list's selection, all or none: one assignee, or the same dates. */
  bulkAssign: mutationOf(bulkAssignInterventions),
  bulkPlan: mutationOf(bulkPlanInterventions),
});
