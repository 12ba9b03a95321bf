import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { matchRoutes } from "../contract/partner-routes";
import { createOpenApiDocument } from "./document";

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/**
 * Checks answers of the REST adapter against the OpenAPI document: the status must be documented for the
 * operation, and the body must match its schema. Returns the problems found (empty when it conforms).
 */
export function createResponseValidator(document = createOpenApiDocument()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(document, "openapi");
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const validatorFor = (ref: string) => {
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi#/${ref}` });
      compiled.set(ref, validate);
    }
    return validate;
  };

  return async function validate(request: Pick<Request, "method" | "url">, response: Response): Promise<string[]> {
    const contentType = response.headers.get("content-type")?.split(";")[0] ?? "";
    if (response.status === 204) return [];
    const { pathname } = new URL(request.url);
    const route = matchRoutes(pathname).find((candidate) => candidate.route.method === request.method)?.route;
    let ref: string;
    if (route) {
      const documented =
        document.paths?.[route.path]?.[route.method.toLowerCase() as "get" | "post" | "patch"]?.responses ?? {};
      if (!(String(response.status) in documented))
        return [`status ${response.status} is not documented for ${route.operationId}`];
      if (response.status === 304) {
        return (await response.clone().text()) === "" ? [] : [`${route.operationId}: a 304 carries no body`];
      }
      ref = pointer(
        "paths",
        route.path,
        route.method.toLowerCase(),
        "responses",
        String(response.status),
        "content",
        contentType,
        "schema",
      );
    } else {
      // Unknown paths and wrong methods: not an operation of the document, but still a documented problem.
      if (contentType !== "application/problem+json")
        return [`${request.method} ${pathname}: ${contentType} is not a problem`];
      ref = pointer("components", "schemas", "Problem");
    }
    const body: unknown = JSON.parse(await response.clone().text());
    const check = validatorFor(ref);
    if (check(body)) return [];
    return (check.errors ?? []).map(
      (error) => `${request.method} ${pathname} → ${response.status}: ${error.instancePath} ${error.message}`,
    );
  };
}
