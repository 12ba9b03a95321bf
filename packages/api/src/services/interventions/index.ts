export { countByStatus } from "./count-by-status";
export { createCurative } from "./create-curative";
export { createUnplannedPreventive } from "./create-unplanned-preventive";
export { getIntervention } from "./get-intervention";
export { listInterventions } from "./list-interventions";
export { listPlanning } from "./list-planning";
export { type UpdatePreventiveInput, updatePreventive } from "./update-preventive";
export { type UpdateTrainingExerciseInput, updateTrainingExercise } from "./update-training-exercise";
export { type VerifyInterventionInput, verifyIntervention } from "./verify-intervention";
