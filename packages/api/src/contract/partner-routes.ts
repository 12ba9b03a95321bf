import {
  type CreateUnplannedPreventiveBody,
  createCurativeBody,
  createUnplannedPreventiveBody,
  interventionPageResponse,
  interventionProfileShapedResponse,
  interventionUserShapedResponse,
  type Operation,
  obligationPageResponse,
  obligationsQueryParams,
  syncInterventionsQueryParams,
  unplannedPreventiveCreatedResponse,
  updatePreventiveBody,
  updateTrainingExerciseBody,
  verifyInterventionBody,
} from "@interventions/domain";
import { z } from "zod";
import type { ServiceContext } from "../context";
import { listObligations } from "../services/compliance/list-obligations";
import {
  createCurative,
  createUnplannedPreventive,
  readIntervention,
  syncInterventions,
  updatePreventive,
  updateTrainingExercise,
  verifyIntervention,
} from "../services/interventions";
import { freshUploadUrl } from "../services/interventions/create-unplanned-preventive";
import { SYNC_SETTLE_MS } from "../services/interventions/sync-interventions";
import type { Verb } from "../services/verb";

/** A read whose path says everything: any query parameter is refused. */
const noQueryParams = z.strictObject({});

/**
 * One documented endpoint bound to its verb: what the REST adapter serves and the OpenAPI document
 * describes. The verb's input is the body's fields plus the path's parameters, by name.
 */
export interface PartnerRoute {
  method: "GET" | "POST" | "PATCH";
  /** The documented path, with `{name}` where a parameter goes. */
  path: string;
  pattern: RegExp;
  /** The path's parameters, in order; each is an intervention id. */
  params: readonly string[];
  operationId: string;
  summary: string;
  /** The verb's role rule, checked right after authentication: a role that may not write learns no more. */
  operation: Operation;
  /** 201 for creations, 200 for reads and updates. */
  status: 200 | 201;
  /** What the success answer means, as documented. */
  outcome: string;
  /** What the request carries: a JSON body (strict, so a dashboard-only field is refused here), or, for a
   * read, the query string's parameters. */
  request: { body: RequestSchema } | { query: RequestSchema };
  response: z.ZodType;
  /** The error statuses the endpoint can answer besides those every endpoint can. */
  errors: readonly number[];
  /** The answer carries one intervention: its version is the `ETag` header. */
  entityTag: boolean;
  /** The conditional request header honoured: `If-Match` on updates, `If-None-Match` on a read. */
  condition?: "ifMatch" | "ifNoneMatch";
  /** Creations honour `Idempotency-Key`: a retry replays the first answer. */
  idempotent?: true;
  /** What a replayed answer renews (a fresh upload link for the same object). */
  refreshReplay?(ctx: ServiceContext, input: Record<string, unknown>, body: unknown): Promise<unknown>;
  /** The verb's answer: the body, and the version of the one intervention it carries (its ETag). */
  run(ctx: ServiceContext, input: Record<string, unknown>): Promise<{ body: unknown; version?: number }>;
}

type RequestSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

interface RouteDefinition<Schema extends z.ZodType, Output, Sent extends RequestSchema>
  extends Omit<PartnerRoute, "pattern" | "params" | "operation" | "request" | "run" | "entityTag"> {
  verb: Verb<Schema, Output>;
  request: { body: Sent } | { query: Sent };
}

/** A verb answering one intervention adds its version, which becomes the ETag, not part of the body. */
type Versioned = { version: number };

/** Refuses, at compile time, a request that with the path's id does not make the verb's input. */
type RequestFitsVerb<Schema extends z.ZodType, Sent extends RequestSchema> =
  z.output<Sent> & { interventionId: number } extends z.output<Schema> ? unknown : never;

function route<Schema extends z.ZodType, Output, Sent extends RequestSchema>(
  definition: RouteDefinition<Schema, Output, Sent> & RequestFitsVerb<Schema, Sent>,
): PartnerRoute {
  const { verb, ...described } = definition;
  const tagged = Boolean(definition.condition) || definition.status === 201 || definition.method === "PATCH";
  const params = [...definition.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  const pattern = new RegExp(`^${definition.path.replaceAll("/", "\\/").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
  return {
    ...described,
    entityTag: tagged,
    pattern,
    params,
    operation: verb.operation,
    async run(ctx, input) {
      // The cast is what RequestFitsVerb checked: the request's output plus the path's ids is the verb's input.
      const output = await verb({ ctx, input: input as z.output<Schema> });
      if (!tagged) return { body: output };
      const { version, ...body } = output as Output & Versioned;
      if (typeof version !== "number") throw new Error(`${definition.operationId} answered without a version`);
      return { body, version };
    },
  };
}

/** The five documented paths, and the reads partners sync from. */
export const PARTNER_ROUTES: readonly PartnerRoute[] = [
  route({
    method: "POST",
    path: "/interventions/v2/mb/preventive/unplanned",
    operationId: "createUnplannedPreventive",
    summary: "Create unplanned preventive intervention",
    verb: createUnplannedPreventive,
    status: 201,
    outcome: "The unplanned preventive intervention has been created",
    request: { body: createUnplannedPreventiveBody },
    response: unplannedPreventiveCreatedResponse,
    errors: [409, 422],
    idempotent: true,
    refreshReplay: (ctx, input, body) => freshUploadUrl(ctx, input as CreateUnplannedPreventiveBody, body),
  }),
  route({
    method: "POST",
    path: "/interventions/v2/rs/curative",
    operationId: "createCurative",
    summary: "Create curative intervention with anomalies",
    verb: createCurative,
    status: 201,
    outcome: "The curative intervention has been created",
    request: { body: createCurativeBody },
    response: interventionUserShapedResponse,
    errors: [409, 422],
    idempotent: true,
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/preventive/{interventionId}",
    operationId: "updatePreventive",
    summary: "Update preventive intervention scheduled",
    verb: updatePreventive,
    status: 200,
    outcome: "The preventive intervention has been updated",
    request: { body: updatePreventiveBody },
    response: interventionProfileShapedResponse,
    errors: [404, 409, 412],
    condition: "ifMatch",
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/training-exercise/{interventionId}",
    operationId: "updateTrainingExercise",
    summary: "Update training session intervention scheduled",
    verb: updateTrainingExercise,
    status: 200,
    outcome: "The training exercise intervention has been updated",
    request: { body: updateTrainingExerciseBody },
    response: interventionUserShapedResponse,
    errors: [404, 409, 412],
    condition: "ifMatch",
  }),
  route({
    method: "PATCH",
    path: "/interventions/v2/rs/{interventionId}/verify",
    operationId: "verifyIntervention",
    summary: "Accept or reject intervention verification",
    verb: verifyIntervention,
    status: 200,
    outcome: "The intervention has been verified",
    request: { body: verifyInterventionBody },
    response: interventionUserShapedResponse,
    errors: [404, 409, 412],
    condition: "ifMatch",
  }),
  route({
    method: "GET",
    path: "/interventions/v2/rs/compliance",
    operationId: "listObligations",
    summary: "List where each obligation (a rule on a site) stands",
    verb: listObligations,
    status: 200,
    outcome: "A page of the organization's obligations, in site-rule order",
    request: { query: obligationsQueryParams },
    response: obligationPageResponse,
    errors: [],
  }),
  route({
    method: "GET",
    path: "/interventions/v2/rs/{interventionId}",
    operationId: "readIntervention",
    summary: "Read one intervention",
    verb: readIntervention,
    status: 200,
    outcome: "The intervention, in the shape the creations answer with",
    request: { query: noQueryParams },
    response: interventionUserShapedResponse,
    errors: [404],
    condition: "ifNoneMatch",
  }),
  route({
    method: "GET",
    path: "/interventions/v2/rs",
    operationId: "syncInterventions",
    summary: "List the interventions changed since a date",
    verb: syncInterventions,
    status: 200,
    outcome: `A page of the interventions, in the order they last changed (updatedAt, then id); a change is listed ${SYNC_SETTLE_MS / 1000} s after it was made`,
    request: { query: syncInterventionsQueryParams },
    response: interventionPageResponse,
    errors: [],
  }),
];

/** The words of the documented paths at each depth (`curative`, `compliance`, `preventive`… after `rs`). */
const LITERALS_AT = PARTNER_ROUTES.reduce((literals, route) => {
  route.path.split("/").forEach((segment, depth) => {
    if (!segment.startsWith("{")) literals.set(depth, (literals.get(depth) ?? new Set()).add(segment));
  });
  return literals;
}, new Map<number, Set<string>>());

/**
 * The routes a path names, each with its parameters' segments (still encoded). A last segment that is a
 * word of another path at that depth is not an id: `GET /interventions/v2/rs/curative` is the curative path
 * with the wrong method (405), and `/interventions/v2/rs/preventive` no path at all (404), not reads of
 * interventions "curative" and "preventive".
 */
export function matchRoutes(pathname: string): { route: PartnerRoute; segments: string[] }[] {
  const depth = pathname.split("/").length - 1;
  const lastIsWord = LITERALS_AT.get(depth)?.has(pathname.split("/").at(-1) ?? "") ?? false;
  return PARTNER_ROUTES.flatMap((route) => {
    const match = route.pattern.exec(pathname);
    if (!match) return [];
    const idLast = route.path.endsWith("}");
    return idLast && lastIsWord ? [] : [{ route, segments: match.slice(1) }];
  });
}
