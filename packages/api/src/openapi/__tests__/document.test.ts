import {
  COMMENT_MAX_LENGTH,
  DATETIME_PATTERN,
  ID_LIST_MAX,
  SAFE_TEXT_PATTERN,
  TEXT_MAX_LENGTH,
} from "@interventions/domain";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { PARTNER_ROUTES } from "../../contract/partner-routes";
import { createOpenApiDocument } from "../document";
import { REQUEST_EXAMPLES, RESPONSE_EXAMPLES } from "../examples";
import { createResponseValidator } from "../response-validator";

const document = createOpenApiDocument();
const BODY_ROUTES = PARTNER_ROUTES.filter((route) => "body" in route.request);
const SAFE_INTEGER = { type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 };

type Json = Record<string, unknown>;
const operationOf = (path: string, method: string) => (document.paths?.[path] as Json | undefined)?.[method] as Json;
const bodySchemaOf = (path: string, method: string) =>
  ((operationOf(path, method).requestBody as Json).content as Json)["application/json"] as { schema: Json };
const propertiesOf = (path: string, method: string) =>
  bodySchemaOf(path, method).schema.properties as Record<string, Json>;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Json);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes exactly the five documented paths and methods, and the reads", () => {
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item as Json).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        "POST /interventions/v2/mb/preventive/unplanned",
        "POST /interventions/v2/rs/curative",
        "PATCH /interventions/v2/rs/preventive/{interventionId}",
        "PATCH /interventions/v2/rs/training-exercise/{interventionId}",
        "PATCH /interventions/v2/rs/{interventionId}/verify",
        "GET /interventions/v2/rs/compliance",
        "GET /interventions/v2/rs/{interventionId}",
        "GET /interventions/v2/rs",
      ].sort(),
    );
  });

  it("requires the bearer API key and the x-session-token header on every operation", () => {
    expect(document.components?.securitySchemes).toMatchObject({
      bearerAuth: { type: "http", scheme: "bearer" },
      sessionToken: { type: "apiKey", in: "header", name: "x-session-token" },
    });
    for (const route of PARTNER_ROUTES) {
      expect(operationOf(route.path, route.method.toLowerCase()).security).toEqual([
        { bearerAuth: [], sessionToken: [] },
      ]);
    }
  });

  it("takes the intervention id as a required integer path parameter", () => {
    for (const route of PARTNER_ROUTES.filter((candidate) => candidate.path.includes("{interventionId}"))) {
      const parameters = operationOf(route.path, route.method.toLowerCase()).parameters as { in: string }[];
      expect(parameters.filter((parameter) => parameter.in === "path")).toEqual([
        expect.objectContaining({
          in: "path",
          name: "interventionId",
          required: true,
          schema: expect.objectContaining(SAFE_INTEGER),
        }),
      ]);
    }
  });

  it("gives every answer carrying one intervention its ETag, and names the conditional headers honoured", () => {
    for (const route of PARTNER_ROUTES) {
      const operation = operationOf(route.path, route.method.toLowerCase());
      const success = (operation.responses as Record<string, { headers?: Record<string, unknown> }>)[
        String(route.status)
      ];
      expect(Boolean(success?.headers?.ETag), route.operationId).toBe(route.entityTag);
      const headers = ((operation.parameters ?? []) as { in: string; name: string }[])
        .filter((parameter) => parameter.in === "header")
        .map((parameter) => parameter.name);
      const expected = { ifMatch: ["if-match"], ifNoneMatch: ["if-none-match"] };
      expect(headers, route.operationId).toEqual([
        ...(route.condition ? expected[route.condition] : []),
        ...(route.idempotent ? ["idempotency-key"] : []),
      ]);
      expect(Boolean(success?.headers?.["Idempotent-Replayed"]), route.operationId).toBe(Boolean(route.idempotent));
    }
  });

  it("takes application/json bodies only, and answers 415 otherwise", () => {
    for (const route of BODY_ROUTES) {
      const operation = operationOf(route.path, route.method.toLowerCase());
      expect(Object.keys((operation.requestBody as Json).content as Json)).toEqual(["application/json"]);
      expect(operation.responses).toHaveProperty("415");
    }
  });

  it("documents the success status and every error status of each endpoint, errors as problem+json", () => {
    for (const route of PARTNER_ROUTES) {
      const responses = operationOf(route.path, route.method.toLowerCase()).responses as Record<string, Json>;
      expect(Object.keys(responses)).toContain(String(route.status));
      const bodyErrors = "body" in route.request ? [413, 415] : [];
      for (const status of [400, 401, 403, 500, ...bodyErrors, ...route.errors]) {
        expect(responses[String(status)]?.content).toEqual({
          "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
        });
      }
    }
  });

  it("keeps every documented body constraint: ranges, lengths, the date-time pattern, enums and their meaning", () => {
    const unplanned = propertiesOf("/interventions/v2/mb/preventive/unplanned", "post");
    expect(unplanned.companyId).toMatchObject(SAFE_INTEGER);
    expect(unplanned.siteIds).toMatchObject({ type: "array", minItems: 1, items: SAFE_INTEGER });
    expect(unplanned.ruleIds).toMatchObject({ type: "array", minItems: 1, items: SAFE_INTEGER });
    expect(unplanned.actualStart).toMatchObject({ type: "string", pattern: DATETIME_PATTERN.source });

    const curative = bodySchemaOf("/interventions/v2/rs/curative", "post").schema;
    expect(curative.required).toEqual(["scheduledStart", "scheduledEnd", "anomalyIds", "creationStatus"]);
    expect(curative.additionalProperties).toBe(false);
    const curativeFields = curative.properties as Record<string, Json>;
    expect(curativeFields.scheduledStart).toMatchObject({ pattern: DATETIME_PATTERN.source });
    expect(curativeFields.anomalyIds).toMatchObject({ minItems: 1, maxItems: ID_LIST_MAX, items: SAFE_INTEGER });
    expect(curativeFields.creationStatus).toMatchObject({
      enum: [0, 1, 2],
      description: expect.stringMatching(/0 toScheduled, 1 scheduled, 2 done/),
    });
    expect(curativeFields.description).toMatchObject({
      type: "string",
      maxLength: TEXT_MAX_LENGTH,
      pattern: SAFE_TEXT_PATTERN.source,
    });

    const preventive = propertiesOf("/interventions/v2/rs/preventive/{interventionId}", "patch");
    expect(preventive.siteRuleIds).toMatchObject({ minItems: 1 });
    expect(preventive.sendUpdateEmailToCurrentAssignee).toMatchObject({ type: "boolean", default: false });
    expect(preventive.previousAssigneeNotification).toMatchObject({
      required: ["sendEmail"],
      properties: { reason: { maxLength: COMMENT_MAX_LENGTH, pattern: SAFE_TEXT_PATTERN.source } },
    });

    const training = propertiesOf("/interventions/v2/rs/training-exercise/{interventionId}", "patch");
    expect(training.ruleId).toMatchObject(SAFE_INTEGER);
    expect(training.validateIntervention).toMatchObject({ type: "boolean" });

    const verify = bodySchemaOf("/interventions/v2/rs/{interventionId}/verify", "patch").schema;
    expect(verify.required).toEqual(["decisionComment", "decision"]);
    expect((verify.properties as Record<string, Json>).decision).toMatchObject({
      enum: [1, 2],
      description: expect.stringMatching(/1 accept, 2 reject/),
    });
  });

  it("carries the documented examples, and each is valid against its own schema", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    for (const route of BODY_ROUTES) {
      const operation = operationOf(route.path, route.method.toLowerCase());
      const body = bodySchemaOf(route.path, route.method.toLowerCase());
      const successContent = (operation.responses as Record<string, Json>)[String(route.status)]?.content as Json;
      const success = successContent["application/json"] as { schema: Json; example: unknown };
      expect(body).toHaveProperty("example", REQUEST_EXAMPLES[route.operationId]);
      expect(success.example).toEqual(RESPONSE_EXAMPLES[route.operationId]);
      expect(ajv.validate(body.schema, REQUEST_EXAMPLES[route.operationId]), ajv.errorsText()).toBe(true);
      expect(ajv.validate(success.schema, RESPONSE_EXAMPLES[route.operationId]), ajv.errorsText()).toBe(true);
      // The document and the adapter agree: the adapter's own schemas accept the same examples.
      expect("body" in route.request && route.request.body.safeParse(REQUEST_EXAMPLES[route.operationId]).success).toBe(
        true,
      );
      expect(route.response.safeParse(RESPONSE_EXAMPLES[route.operationId]).success).toBe(true);
    }
  });
});

describe("the response validator used by the REST tests", () => {
  const validate = createResponseValidator(document);
  const curative = { method: "POST", url: "http://localhost/interventions/v2/rs/curative" };

  it("accepts a documented answer", async () => {
    expect(await validate(curative, Response.json(RESPONSE_EXAMPLES.createCurative, { status: 201 }))).toEqual([]);
  });

  it("rejects an answer whose body drifted from the schema", async () => {
    const { createdAt: _dropped, ...data } = (RESPONSE_EXAMPLES.createCurative as { data: Json }).data;
    const problems = await validate(curative, Response.json({ data: { ...data, status: "2" } }, { status: 201 }));
    expect(problems.join("\n")).toMatch(/createdAt/);
    expect(problems.join("\n")).toMatch(/\/data\/status/);
  });

  it("rejects a status the operation does not document", async () => {
    expect(await validate(curative, Response.json(RESPONSE_EXAMPLES.createCurative, { status: 200 }))).toEqual([
      "status 200 is not documented for createCurative",
    ]);
  });

  it("rejects an error body that is not a problem", async () => {
    const problems = await validate(
      curative,
      new Response(JSON.stringify({ error: "nope" }), {
        status: 409,
        headers: { "content-type": "application/problem+json" },
      }),
    );
    expect(problems.length).toBeGreaterThan(0);
  });
});
