import { id, text } from "@interventions/domain";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { PARTNER_ROUTES, type PartnerRoute } from "../contract/partner-routes";
import { BODY_LIMIT_BYTES } from "../http";
import { REQUEST_EXAMPLES, RESPONSE_EXAMPLES, SESSION_TOKEN_EXAMPLE } from "./examples";
import { problemSchema } from "./problem-schema";
import { renderWebhookBodiesAsSent, webhookOperations } from "./webhooks";

/** Statuses every documented endpoint can answer with a problem, whatever it does; a body adds two. */
const COMMON_ERRORS = [400, 401, 403, 405, 429, 500, 503] as const;
const BODY_ERRORS = [413, 415] as const;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid body or path parameter (over a stated maximum, control characters in a text), malformed JSON, or an unknown field (code VALIDATION_FAILED or MALFORMED_JSON)",
  401: "Missing, malformed, expired or revoked API key or session token (UNAUTHENTICATED)",
  403: "The user is not a member of the API key's organization, or their role does not allow this (FORBIDDEN)",
  404: "No such intervention of this type in the organization (NOT_FOUND)",
  405: "Wrong method for this path; the Allow header names the right one (METHOD_NOT_ALLOWED)",
  409: "The intervention's state forbids this, a concurrent change won, or a request with the same Idempotency-Key is still being processed (INVALID_STATE, CONFLICT, IDEMPOTENCY_IN_PROGRESS)",
  422: "This Idempotency-Key was used in the last 24 hours for another request: use a new key (IDEMPOTENCY_KEY_REUSED)",
  412: "If-Match named a version the intervention is no longer at: nothing was changed; read it again (PRECONDITION_FAILED)",
  413: `The body exceeds ${BODY_LIMIT_BYTES} bytes (PAYLOAD_TOO_LARGE)`,
  415: "content-type is not application/json (UNSUPPORTED_MEDIA_TYPE)",
  429: "This API key has used its requests of the minute (RATE_LIMITED): retry after the Retry-After seconds; the RateLimit and RateLimit-Policy headers of every answer say what is left",
  500: "An unexpected error; nothing internal is disclosed (INTERNAL_ERROR)",
  503: "The database is away for a moment, or no answer came within 10 s (DATABASE_UNAVAILABLE, REQUEST_TIMEOUT): retry after the Retry-After seconds; nothing was changed unless the connection dropped after the commit",
};

const CONDITION_HEADERS = {
  ifMatch: z.object({
    "if-match": text({ max: 1000 })
      .meta({
        description:
          "Update only if the intervention is still at this version: the ETag of the answer you last read (412 otherwise)",
        example: '"3"',
      })
      .optional(),
  }),
  ifNoneMatch: z.object({
    "if-none-match": text({ max: 1000 })
      .meta({ description: "The ETag you hold: 304 with no body when it is still the current version", example: '"3"' })
      .optional(),
  }),
};

const IDEMPOTENCY_HEADER = z.object({
  "idempotency-key": text({ min: 1, max: 255 })
    .regex(/^[\x20-\x7E]+$/)
    .meta({
      description:
        "Makes a retry safe: the same key with the same body within 24 hours answers the first answer again (Idempotent-Replayed: true) and creates nothing",
      example: "5f0c2b6e-0d1a-4c43-9a57-3f1c1d2e8b90",
    })
    .optional(),
});

function responses(route: PartnerRoute): ZodOpenApiResponsesObject {
  const bodyErrors = "body" in route.request ? BODY_ERRORS : [];
  const errorStatuses = [...new Set([...COMMON_ERRORS, ...bodyErrors, ...route.errors])].sort((a, b) => a - b);
  const etag = {
    ETag: {
      description: "The intervention's version, for If-Match on its updates and If-None-Match on its read",
      schema: { type: "string" as const, example: '"3"' },
    },
  };
  const replayed = {
    "Idempotent-Replayed": {
      description: "`true` when this is the stored answer of an earlier request with the same Idempotency-Key",
      schema: { type: "string" as const, enum: ["true"] },
    },
  };
  const budget = {
    "RateLimit-Policy": {
      description: 'The API key\'s budget: requests (q) per window of seconds (w), e.g. `"per-api-key";q=600;w=60`',
      schema: { type: "string" as const },
    },
    RateLimit: {
      description:
        'What is left of it: requests (r) and seconds until it is whole again (t), e.g. `"per-api-key";r=599;t=42`',
      schema: { type: "string" as const },
    },
  };
  const success = {
    description: route.outcome,
    headers: { ...budget, ...(route.entityTag ? etag : {}), ...(route.idempotent ? replayed : {}) },
    content: { "application/json": { schema: route.response, example: RESPONSE_EXAMPLES[route.operationId] } },
  };
  const notModified =
    route.condition === "ifNoneMatch"
      ? [["304", { description: "Unchanged since the version If-None-Match named: no body", headers: etag }]]
      : [];
  const errors = errorStatuses.map((status) => [
    String(status),
    {
      description: ERROR_DESCRIPTIONS[status] ?? "Error",
      content: { "application/problem+json": { schema: problemSchema } },
    },
  ]);
  return Object.fromEntries([[String(route.status), success], ...notModified, ...errors]) as ZodOpenApiResponsesObject;
}

function operation(route: PartnerRoute): ZodOpenApiOperationObject {
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: ["Interventions"],
    security: [{ bearerAuth: [], sessionToken: [] }],
    requestParams: {
      ...(route.params.includes("interventionId")
        ? {
            path: z.object({
              interventionId: id.meta({ description: "Unique identifier of the intervention.", example: 1 }),
            }),
          }
        : {}),
      ...("query" in route.request ? { query: route.request.query } : {}),
      ...(route.condition ? { header: CONDITION_HEADERS[route.condition] } : {}),
      ...(route.idempotent ? { header: IDEMPOTENCY_HEADER } : {}),
    },
    ...("body" in route.request
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: route.request.body, example: REQUEST_EXAMPLES[route.operationId] },
            },
          },
        }
      : {}),
    responses: responses(route),
  };
}

/** The OpenAPI 3.1 document of the partner API, generated from the schemas the adapter validates with. */
export function createOpenApiDocument() {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const route of PARTNER_ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Interventions API",
        version: "2.0.0",
        description:
          "Record, plan and verify safety interventions on sites. Every request carries an API key " +
          "(`Authorization: Bearer`) bound to one organization and a user's session token (`x-session-token`), " +
          "obtained from `POST /api/auth/login`. Every string and list states its maximum (`maxLength`, " +
          "`maxItems`); text refuses U+0000, the other C0 control characters but tab, line feed and carriage " +
          "return, and unpaired UTF-16 surrogates (its `pattern`). A value outside these is a 400 whose " +
          "`errors` name the field and the limit.",
        license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
      },
      servers: [{ url: "/", description: "This server" }],
      tags: [
        { name: "Interventions", description: "The five documented endpoints" },
        {
          name: "Webhooks",
          description:
            "What the service posts to a partner's subscribed endpoint, signed (Standard Webhooks): each change's " +
            "events, in the order they happened for each intervention, at least once (drop repeats by webhook-id)",
        },
      ],
      security: [{ bearerAuth: [], sessionToken: [] }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: "http",
            scheme: "bearer",
            description: "The partner's API key: `Authorization: Bearer <API key>`.",
          },
          sessionToken: {
            type: "apiKey",
            in: "header",
            name: "x-session-token",
            description: `The user's session JWT (HS256; claims userId, sessionId, iat, exp), e.g. ${SESSION_TOKEN_EXAMPLE}`,
          },
        },
      },
      paths,
      webhooks: webhookOperations(),
    },
    { override: renderWebhookBodiesAsSent },
  );
}
