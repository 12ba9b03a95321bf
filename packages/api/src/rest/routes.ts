import {
  createCurativeBody,
  createUnplannedPreventiveBody,
  idParam,
  interventionProfileShapedResponse,
  interventionUserShapedResponse,
  Operation,
  parseInput,
  unplannedPreventiveCreatedResponse,
  updatePreventiveBody,
  updateTrainingExerciseBody,
  verifyInterventionBody,
} from "@interventions/domain";
import type { z } from "zod";
import type { ServiceContext } from "../context";
import {
  createCurative,
  createUnplannedPreventive,
  updatePreventive,
  updateTrainingExercise,
  verifyIntervention,
} from "../services/interventions";

/** One documented endpoint: what the handler serves and what the OpenAPI document describes, from one place. */
export interface Route {
  method: "POST" | "PATCH";
  /** The documented path, with `{interventionId}` where the id goes. */
  path: string;
  pattern: RegExp;
  operationId: string;
  summary: string;
  /** Checked right after authentication, so that a role that may not write learns nothing more (403). */
  operation: Operation;
  /** 201 for creations, 200 for updates. */
  status: 200 | 201;
  /** What the success answer means, as documented. */
  outcome: string;
  body: z.ZodType;
  response: z.ZodType;
  /** The error statuses the endpoint can answer besides those every endpoint can. */
  errors: readonly number[];
  run(ctx: ServiceContext, body: unknown, params: string[]): Promise<unknown>;
}

function route(definition: Omit<Route, "pattern">): Route {
  const pattern = new RegExp(`^${definition.path.replaceAll("/", "\\/").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
  return { ...definition, pattern };
}

const interventionId = (params: string[]) => parseInput(idParam, params[0], "interventionId");

/** The five documented paths, each a thin call to one service verb. */
export const ROUTES: readonly Route[] = [
  route({
    method: "POST",
    path: "/interventions/v2/mb/preventive/unplanned",
    operationId: "createUnplannedPreventive",
    summary: "Create unplanned preventive intervention",
    operation: Operation.createUnplannedPreventive,
    status: 201,
    outcome: "The unplanned preventive intervention has been created",
    body: createUnplannedPreventiveBody,
    response: unplannedPreventiveCreatedResponse,
    errors: [],
    run: (ctx, body) => createUnplannedPreventive({ ctx, input: parseInput(createUnplannedPreventiveBody, body) }),
  }),
  route({
    method: "POST",
    path: "/interventions/v2/rs/curative",
    operationId: "createCurative",
    summary: "Create curative intervention with anomalies",
    operation: Operation.createCurative,
    status: 201,
    outcome: "The curative intervention has been created",
    body: createCurativeBody,
    response: interventionUserShapedResponse,
    errors: [409],
    run: (ctx, body) => createCurative({ ctx, input: parseInput(createCurativeBody, body) }),
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/preventive/{interventionId}",
    operationId: "updatePreventive",
    summary: "Update preventive intervention scheduled",
    operation: Operation.updatePreventive,
    status: 200,
    outcome: "The preventive intervention has been updated",
    body: updatePreventiveBody,
    response: interventionProfileShapedResponse,
    errors: [404, 409],
    run: (ctx, body, params) =>
      updatePreventive({
        ctx,
        input: { interventionId: interventionId(params), patch: parseInput(updatePreventiveBody, body) },
      }),
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/training-exercise/{interventionId}",
    operationId: "updateTrainingExercise",
    summary: "Update training session intervention scheduled",
    operation: Operation.updateTrainingExercise,
    status: 200,
    outcome: "The training exercise intervention has been updated",
    body: updateTrainingExerciseBody,
    response: interventionUserShapedResponse,
    errors: [404, 409],
    run: (ctx, body, params) =>
      updateTrainingExercise({
        ctx,
        input: { interventionId: interventionId(params), patch: parseInput(updateTrainingExerciseBody, body) },
      }),
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/{interventionId}/verify",
    operationId: "verifyIntervention",
    summary: "Accept or reject intervention verification",
    operation: Operation.verify,
    status: 200,
    outcome: "The intervention has been verified",
    body: verifyInterventionBody,
    response: interventionUserShapedResponse,
    errors: [404, 409],
    run: (ctx, body, params) =>
      verifyIntervention({
        ctx,
        input: { interventionId: interventionId(params), decision: parseInput(verifyInterventionBody, body) },
      }),
  }),
];
