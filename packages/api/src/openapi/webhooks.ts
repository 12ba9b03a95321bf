import {
  type InterventionEventType,
  InterventionStatus,
  interventionEventBody,
  obligationEventBody,
  WEBHOOK_EVENT_TYPES,
  WebhookEventType,
} from "@interventions/domain";
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiOverride, ZodOpenApiPathItemObject } from "zod-openapi";
import { OBLIGATION_EXAMPLE, USER_SHAPED_EXAMPLE } from "./examples";

/** What each event says; its body is the domain's schema, as the service writes it. */
const EVENTS: Record<WebhookEventType, { operationId: string; summary: string; description: string }> = {
  [WebhookEventType.created]: {
    operationId: "interventionCreated",
    summary: "An intervention was created",
    description:
      "Someone created an intervention: a curative planned for open anomalies, an unplanned preventive check " +
      "recorded on site, a preventive check planned from the dashboard. One created already done is followed " +
      "by `intervention.completed`.",
  },
  [WebhookEventType.updated]: {
    operationId: "interventionUpdated",
    summary: "An intervention was changed",
    description:
      "A preventive check or a training exercise was re-planned (dates, sites, site rules, rule, assignee, " +
      "description, attendees); a change that marks it done is `intervention.completed` instead.",
  },
  [WebhookEventType.generated]: {
    operationId: "interventionGenerated",
    summary: "A routine planned a check",
    description:
      "A site rule's routine planned its next preventive check (`autoCreated: true`, `routineId` set), to be " +
      "scheduled: nobody created it by hand.",
  },
  [WebhookEventType.completed]: {
    operationId: "interventionCompleted",
    summary: "An intervention was done",
    description: "The work was done on site and now awaits the client's verification (status 4).",
  },
  [WebhookEventType.verified]: {
    operationId: "interventionVerified",
    summary: "An intervention was accepted or rejected",
    description:
      "The client verified the done work: `status` says accepted (5) or rejected (6), with the decision comment.",
  },
  [WebhookEventType.overdue]: {
    operationId: "complianceOverdue",
    summary: "An obligation fell overdue",
    description:
      "A rule on a site passed its due date with no accepted or done check covering it; said once per " +
      "occurrence of the obligation.",
  },
};

const HEADERS = z.object({
  "webhook-id": z
    .string()
    .regex(/^msg_[0-9a-f]{32}$/)
    .meta({
      description:
        "The delivery's id: the same on every retry of it, so a receiver that has seen it already drops the repeat.",
      example: "msg_2f1c0d6a9e4b4c58a3d1f0e7b6c5a4d3",
    }),
  "webhook-timestamp": z
    .string()
    .regex(/^[0-9]{1,12}$/)
    .meta({
      description:
        "When this attempt was sent, in Unix seconds; signed with the body, so refuse one far from your clock (replay).",
      example: "1796112000",
    }),
  "webhook-signature": z
    .string()
    .regex(/^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$/)
    .meta({
      description:
        "`v1,` and the base64 HMAC-SHA256, keyed with the subscription's `whsec_` secret, of " +
        "`<webhook-id>.<webhook-timestamp>.<raw body>` (Standard Webhooks); several, space-separated, may come: " +
        "one matching is enough. Verify it on the raw bytes of the body, before parsing them.",
      example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
    }),
});

const RESPONSES = {
  "2XX": { description: "Received: any 2xx within 10 s acknowledges the delivery; what it says is not read." },
  default: {
    description:
      "Anything else (another status, no answer within 10 s, a redirect, which is not followed) fails the " +
      "attempt: it is retried with exponential backoff and jitter for at least 24 hours, then the delivery is " +
      "failed. A subscription whose every delivery failed for 3 days is turned off and its admins are told.",
  },
};

/** The documented intervention example, in a status each event can carry. */
const EXAMPLE_STATUS: Record<InterventionEventType, InterventionStatus> = {
  [WebhookEventType.created]: InterventionStatus.scheduled,
  [WebhookEventType.updated]: InterventionStatus.scheduled,
  [WebhookEventType.generated]: InterventionStatus.toSchedule,
  [WebhookEventType.completed]: InterventionStatus.awaitingVerification,
  [WebhookEventType.verified]: InterventionStatus.rejected,
};

function webhook(type: WebhookEventType): ZodOpenApiOperationObject {
  const event = EVENTS[type];
  const overdue = type === WebhookEventType.overdue;
  const example = {
    type,
    timestamp: "2026-12-01T08:00:00.000Z",
    data: overdue
      ? { obligation: OBLIGATION_EXAMPLE }
      : { intervention: { ...USER_SHAPED_EXAMPLE, status: EXAMPLE_STATUS[type] } },
  };
  return {
    operationId: event.operationId,
    summary: event.summary,
    description: `${event.description} The body's \`type\` is \`${type}\`.`,
    tags: ["Webhooks"],
    // Posted by the service to the partner's endpoint: signed, with no API key nor session token.
    security: [],
    requestParams: { header: HEADERS },
    requestBody: {
      required: true,
      content: {
        "application/json": { schema: overdue ? obligationEventBody : interventionEventBody, example },
      },
    },
    responses: RESPONSES,
  };
}

/** Every object a webhook body is made of, its parts' included. */
function objectsWithin(schema: z.core.$ZodType, found = new Set<z.core.$ZodType>()): Set<z.core.$ZodType> {
  const def = schema._zod.def;
  if (def.type === "object" && !found.has(schema)) {
    found.add(schema);
    for (const field of Object.values((def as z.core.$ZodObjectDef).shape)) objectsWithin(field, found);
  } else if (def.type === "array") {
    objectsWithin((def as z.core.$ZodArrayDef).element, found);
  } else if ("innerType" in def) {
    objectsWithin(def.innerType as z.core.$ZodType, found);
  }
  return found;
}

const SENT_OBJECTS = objectsWithin(obligationEventBody, objectsWithin(interventionEventBody));

/**
 * A webhook body sits where a request body does, so zod-openapi renders it as an input: its objects open
 * (no `additionalProperties: false`), unlike the same objects in the responses (`Obligation`), which it
 * would then split in two components. The service writes these bodies: they are rendered as what it sends,
 * as its answers are, key for key in zod's order (zod-openapi compares the two renderings as text).
 */
export const renderWebhookBodiesAsSent: ZodOpenApiOverride = ({ jsonSchema, zodSchema, io }) => {
  if (io !== "input" || !SENT_OBJECTS.has(zodSchema) || (zodSchema._zod.def as z.core.$ZodObjectDef).catchall) return;
  const after = "required" in jsonSchema ? "required" : "properties";
  const entries = Object.entries(jsonSchema);
  for (const [key] of entries) delete jsonSchema[key];
  for (const [key, value] of entries) {
    jsonSchema[key] = value;
    if (key === after) jsonSchema.additionalProperties = false;
  }
};

/** The OpenAPI 3.1 `webhooks`: one POST per event type, to the endpoint a partner subscribed. */
export function webhookOperations(): Record<WebhookEventType, ZodOpenApiPathItemObject> {
  return Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [type, { post: webhook(type) }])) as Record<
    WebhookEventType,
    ZodOpenApiPathItemObject
  >;
}
