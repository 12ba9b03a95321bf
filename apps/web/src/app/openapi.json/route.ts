import { createOpenApiDocument } from "@interventions/api/openapi";

// Generated from the same schemas the REST adapter validates with: it cannot drift from the code.
const document = createOpenApiDocument();

export function GET(): Response {
  return Response.json(document, { headers: { "cache-control": "public, max-age=300" } });
}
