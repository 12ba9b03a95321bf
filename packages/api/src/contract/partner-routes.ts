import {
  createCurativeBody,
  createUnplannedPreventiveBody,
  interventionProfileShapedResponse,
  interventionUserShapedResponse,
  type Operation,
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
import type { Verb } from "../services/verb";

/**
 * One documented endpoint bound to its verb: what the REST adapter serves and the OpenAPI document
 * describes. The verb's input is the body's fields plus the path's parameters, by name.
 */
export interface PartnerRoute {
  method: "POST" | "PATCH";
  /** The documented path, with `{name}` where a parameter goes. */
  path: string;
  pattern: RegExp;
  /** The path's parameters, in order; each is an intervention id. */
  params: readonly string[];
  operationId: string;
  summary: string;
  /** The verb's role rule, checked right after authentication: a role that may not write learns no more. */
  operation: Operation;
  /** 201 for creations, 200 for updates. */
  status: 200 | 201;
  /** What the success answer means, as documented. */
  outcome: string;
  /** The documented body: strict, so a field the verb takes only from the dashboard is refused here. */
  body: z.ZodType<Record<string, unknown>>;
  response: z.ZodType;
  /** The error statuses the endpoint can answer besides those every endpoint can. */
  errors: readonly number[];
  run(ctx: ServiceContext, input: Record<string, unknown>): Promise<unknown>;
}

interface RouteDefinition<Schema extends z.ZodType, Output, Body extends z.ZodType<Record<string, unknown>>>
  extends Omit<PartnerRoute, "pattern" | "params" | "operation" | "body" | "run"> {
  verb: Verb<Schema, Output>;
  body: Body;
}

/** Refuses, at compile time, a body that with the path's id does not make the verb's input. */
type BodyFitsVerb<Schema extends z.ZodType, Body extends z.ZodType<Record<string, unknown>>> =
  z.output<Body> & { interventionId: number } extends z.output<Schema> ? unknown : never;

function route<Schema extends z.ZodType, Output, Body extends z.ZodType<Record<string, unknown>>>(
  definition: RouteDefinition<Schema, Output, Body> & BodyFitsVerb<Schema, Body>,
): PartnerRoute {
  const { verb, ...described } = definition;
  const params = [...definition.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  const pattern = new RegExp(`^${definition.path.replaceAll("/", "\\/").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
  return {
    ...described,
    pattern,
    params,
    operation: verb.operation,
    // The cast is what BodyFitsVerb checked: the body's output plus the path's ids is the verb's input.
    run: (ctx, input) => verb({ ctx, input: input as z.output<Schema> }),
  };
}

/** The five documented paths. */
export const PARTNER_ROUTES: readonly PartnerRoute[] = [
  route({
    method: "POST",
    path: "/interventions/v2/mb/preventive/unplanned",
    operationId: "createUnplannedPreventive",
    summary: "Create unplanned preventive intervention",
    verb: createUnplannedPreventive,
    status: 201,
    outcome: "The unplanned preventive intervention has been created",
    body: createUnplannedPreventiveBody,
    response: unplannedPreventiveCreatedResponse,
    errors: [],
  }),
  route({
    method: "POST",
    path: "/interventions/v2/rs/curative",
    operationId: "createCurative",
    summary: "Create curative intervention with anomalies",
    verb: createCurative,
    status: 201,
    outcome: "The curative intervention has been created",
    body: createCurativeBody,
    response: interventionUserShapedResponse,
    errors: [409],
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/preventive/{interventionId}",
    operationId: "updatePreventive",
    summary: "Update preventive intervention scheduled",
    verb: updatePreventive,
    status: 200,
    outcome: "The preventive intervention has been updated",
    body: updatePreventiveBody,
    response: interventionProfileShapedResponse,
    errors: [404, 409],
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/training-exercise/{interventionId}",
    operationId: "updateTrainingExercise",
    summary: "Update training session intervention scheduled",
    verb: updateTrainingExercise,
    status: 200,
    outcome: "The training exercise intervention has been updated",
    body: updateTrainingExerciseBody,
    response: interventionUserShapedResponse,
    errors: [404, 409],
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/{interventionId}/verify",
    operationId: "verifyIntervention",
    summary: "Accept or reject intervention verification",
    verb: verifyIntervention,
    status: 200,
    outcome: "The intervention has been verified",
    body: verifyInterventionBody,
    response: interventionUserShapedResponse,
    errors: [404, 409],
  }),
];
