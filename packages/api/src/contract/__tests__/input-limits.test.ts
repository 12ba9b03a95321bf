import { DATETIME_PATTERN, SAFE_TEXT_PATTERN } from "@interventions/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signInInput } from "../../auth/sign-in";
import { createOpenApiDocument } from "../../openapi/document";
import { routerProcedures } from "../../testing/procedures";
import { PARTNER_ROUTES } from "../partner-routes";

// Every string and array a client can send has a stated maximum, and every free text carries the one
// safe-text refinement: checked on the schemas themselves, so that a field added without them fails here.

type Json = Record<string, unknown>;

/** What is missing on a JSON Schema node and below it, by path. */
function gaps(node: unknown, path = "$"): string[] {
  if (typeof node !== "object" || node === null) return [];
  const schema = node as Json;
  const found: string[] = [];
  const types = [schema.type].flat();
  if (types.includes("string") && schema.enum === undefined && schema.const === undefined) {
    if (typeof schema.maxLength !== "number") found.push(`${path}: string without maxLength`);
    const patterns = [schema.pattern, ...[schema.allOf ?? []].flat().map((part) => (part as Json).pattern)];
    const safe = patterns.includes(SAFE_TEXT_PATTERN.source) || patterns.includes(DATETIME_PATTERN.source);
    if (!safe) found.push(`${path}: string without the safe-text pattern`);
  }
  if (types.includes("array") && typeof schema.maxItems !== "number") found.push(`${path}: array without maxItems`);
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" && typeof value === "object" && value !== null) {
      for (const [name, child] of Object.entries(value)) found.push(...gaps(child, `${path}.${name}`));
    } else if (Array.isArray(value)) {
      value.forEach((child, index) => {
        found.push(...gaps(child, `${path}.${key}[${index}]`));
      });
    } else if (key !== "properties" && typeof value === "object") {
      found.push(...gaps(value, `${path}.${key}`));
    }
  }
  return found;
}

const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

describe("every input has stated limits", () => {
  it("every documented body and query, as the OpenAPI document states it", () => {
    const document = createOpenApiDocument();
    for (const route of PARTNER_ROUTES) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as "get" | "post" | "patch"] as Json;
      if ("body" in route.request) {
        const body = ((operation.requestBody as Json).content as Json)["application/json"] as Json;
        expect(gaps(body.schema, route.operationId)).toEqual([]);
      } else {
        for (const parameter of operation.parameters as Json[]) {
          expect(gaps(parameter.schema, `${route.operationId}.${String(parameter.name)}`)).toEqual([]);
        }
      }
    }
  });

  const procedures = routerProcedures();
  it("walks every procedure of the router", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(17);
  });
  it.each(procedures.map((procedure) => [procedure.path, procedure] as const))("tRPC %s", (path, procedure) => {
    for (const input of procedure.inputs) {
      expect(input).toBeInstanceOf(z.ZodType);
      expect(gaps(jsonSchemaOf(input as z.ZodType), path)).toEqual([]);
    }
  });

  it("sign-in", () => {
    expect(gaps(jsonSchemaOf(signInInput), "signIn")).toEqual([]);
  });

  it("the check finds a bare string and an unbounded array", () => {
    expect(gaps(jsonSchemaOf(z.object({ a: z.string(), b: z.array(z.int()).max(1), c: z.array(z.int()) })))).toEqual([
      "$.a: string without maxLength",
      "$.a: string without the safe-text pattern",
      "$.c: array without maxItems",
    ]);
  });
});
