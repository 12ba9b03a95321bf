import {
  createCurativeBody,
  createUnplannedPreventiveBody,
  idParam,
  Operation,
  parseInput,
  updatePreventiveBody,
  updateTrainingExerciseBody,
  verifyInterventionBody,
} from "@interventions/domain";
import type { ServiceContext } from "../context";
import {
  createCurative,
  createUnplannedPreventive,
  updatePreventive,
  updateTrainingExercise,
  verifyIntervention,
} from "../services/interventions";

export interface Route {
  method: string;
  pattern: RegExp;
  /** Checked right after authentication, so that a role that may not write learns nothing more (403). */
  operation: Operation;
  /** 201 for creations, 200 for updates. */
  status: number;
  run(ctx: ServiceContext, body: unknown, params: string[]): Promise<unknown>;
}

const interventionId = (params: string[]) => parseInput(idParam, params[0], "interventionId");

/** The five documented paths, each a thin call to one service verb. */
export const ROUTES: readonly Route[] = [
  {
    method: "POST",
    pattern: /^\/interventions\/v2\/mb\/preventive\/unplanned$/,
    operation: Operation.createUnplannedPreventive,
    status: 201,
    run: (ctx, body) => createUnplannedPreventive({ ctx, input: parseInput(createUnplannedPreventiveBody, body) }),
  },
  {
    method: "POST",
    pattern: /^\/interventions\/v2\/rs\/curative$/,
    operation: Operation.createCurative,
    status: 201,
    run: (ctx, body) => createCurative({ ctx, input: parseInput(createCurativeBody, body) }),
  },
  {
    method: "PATCH",
    pattern: /^\/interventions\/v2\/rs\/preventive\/([^/]+)$/,
    operation: Operation.updatePreventive,
    status: 200,
    run: (ctx, body, params) =>
      updatePreventive({
        ctx,
        input: { interventionId: interventionId(params), patch: parseInput(updatePreventiveBody, body) },
      }),
  },
  {
    method: "PATCH",
    pattern: /^\/interventions\/v2\/rs\/training-exercise\/([^/]+)$/,
    operation: Operation.updateTrainingExercise,
    status: 200,
    run: (ctx, body, params) =>
      updateTrainingExercise({
        ctx,
        input: { interventionId: interventionId(params), patch: parseInput(updateTrainingExerciseBody, body) },
      }),
  },
  {
    method: "PATCH",
    pattern: /^\/interventions\/v2\/rs\/([^/]+)\/verify$/,
    operation: Operation.verify,
    status: 200,
    run: (ctx, body, params) =>
      verifyIntervention({
        ctx,
        input: { interventionId: interventionId(params), decision: parseInput(verifyInterventionBody, body) },
      }),
  },
];
