import {
  InterventionStatus,
  interventionEventBody,
  obligationEventBody,
  WEBHOOK_EVENT_TYPES,
  WebhookEventType,
} from "@interventions/domain";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { createOpenApiDocument } from "../document";

const document = createOpenApiDocument();
const HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"];

type Json = Record<string, unknown>;
interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  description?: string;
  schema: { pattern: string };
}
const operationOf = (type: string) => (document.webhooks?.[type] as Json | undefined)?.post as Json;
const bodyOf = (type: string) =>
  ((operationOf(type).requestBody as Json).content as Json)["application/json"] as { schema: Json; example: unknown };
const componentOf = (name: string) => document.components?.schemas?.[name] as Json;
const headerOf = (type: string, name: string) =>
  (operationOf(type).parameters as Parameter[]).find((parameter) => parameter.name === name);

describe("the webhooks of the OpenAPI document", () => {
  it("describe one POST per event type, and only those", () => {
    expect(Object.keys(document.webhooks ?? {}).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect(Object.keys(document.webhooks?.[type] as Json), type).toEqual(["post"]);
      expect(operationOf(type), type).toMatchObject({ tags: ["Webhooks"], security: [] });
    }
  });

  it("give each event its body schema: the intervention's events one, the overdue obligation's the other", () => {
    const intervention = componentOf("InterventionEvent");
    const obligation = componentOf("ObligationEvent");
    for (const type of WEBHOOK_EVENT_TYPES) {
      const overdue = type === WebhookEventType.overdue;
      expect(bodyOf(type).schema, type).toEqual({
        $ref: `#/components/schemas/${overdue ? "ObligationEvent" : "InterventionEvent"}`,
      });
      const typeSchema = ((overdue ? obligation : intervention).properties as Record<string, Json>).type;
      expect(typeSchema?.enum ?? [typeSchema?.const], type).toContain(type);
    }
    expect((intervention.properties as Record<string, Json>).type?.enum).toEqual(
      WEBHOOK_EVENT_TYPES.filter((type) => type !== WebhookEventType.overdue),
    );
    expect(intervention).toMatchObject({
      required: ["type", "timestamp", "data"],
      properties: { data: { required: ["intervention"] } },
    });
    expect(obligation).toMatchObject({
      required: ["type", "timestamp", "data"],
      properties: { data: { properties: { obligation: { $ref: "#/components/schemas/Obligation" } } } },
    });
    // The compliance read's answer and the overdue event share one Obligation component.
    const obligationComponents = Object.keys(document.components?.schemas ?? {}).filter((name) =>
      name.startsWith("Obligation"),
    );
    expect(obligationComponents.sort()).toEqual(["Obligation", "ObligationEvent"]);
  });

  it("carry an example of each event that both the document and the domain's schema accept", () => {
    const ajv = new Ajv2020({ strict: false, validateSchema: false });
    addFormats.default(ajv);
    ajv.addSchema(document, "openapi");
    for (const type of WEBHOOK_EVENT_TYPES) {
      const { schema, example } = bodyOf(type);
      expect(example, type).toMatchObject({ type });
      expect(ajv.validate({ $ref: `openapi${schema.$ref}` }, example), `${type}: ${ajv.errorsText()}`).toBe(true);
      const domain = type === WebhookEventType.overdue ? obligationEventBody : interventionEventBody;
      expect(domain.safeParse(example).success, type).toBe(true);
    }
    const completed = bodyOf(WebhookEventType.completed).example as { data: { intervention: { status: number } } };
    expect(completed.data.intervention.status).toBe(InterventionStatus.awaitingVerification);
  });

  it("name the three Standard Webhooks headers, required and described, in the form the library signs them", () => {
    const secret = `whsec_${Buffer.from("a secret of twenty-four!").toString("base64")}`;
    const id = `msg_${"0123456789abcdef".repeat(2)}`;
    const at = new Date("2026-12-01T08:00:00Z");
    const sent = {
      "webhook-id": id,
      "webhook-timestamp": String(at.getTime() / 1000),
      "webhook-signature": new Webhook(secret).sign(id, at, '{"type":"intervention.created"}'),
    };
    for (const type of WEBHOOK_EVENT_TYPES) {
      const headers = (operationOf(type).parameters as Parameter[]).filter((parameter) => parameter.in === "header");
      expect(headers.map((header) => header.name)).toEqual(HEADERS);
      for (const name of HEADERS) {
        const header = headerOf(type, name);
        expect(header?.required, `${type} ${name}`).toBe(true);
        expect(header?.description?.length, `${type} ${name}`).toBeGreaterThan(20);
        expect(sent[name as keyof typeof sent]).toMatch(new RegExp(header?.schema.pattern ?? "^$"));
      }
    }
  });

  it("acknowledge a delivery with any 2xx, and say what comes of anything else", () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      const responses = operationOf(type).responses as Record<string, { description: string }>;
      expect(Object.keys(responses), type).toEqual(["2XX", "default"]);
      expect(responses["2XX"]?.description).toMatch(/10 s/);
      expect(responses.default?.description).toMatch(/24 hours/);
    }
  });
});
