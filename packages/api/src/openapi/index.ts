export { createOpenApiDocument } from "./document";
export { problemSchema } from "./problem-schema";
export { createResponseValidator } from "./response-validator";
