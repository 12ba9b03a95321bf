import { z } from "zod";

/** The body of every error answer (RFC 9457), as the REST adapter writes it. */
export const problemSchema = z
  .object({
    type: z.string().meta({
      description: "A URI naming the kind of problem",
      example: "urn:interventions:problem:validation-failed",
    }),
    title: z.string().meta({ example: "Bad Request" }),
    status: z.int().meta({ example: 400 }),
    detail: z.string().meta({ example: "scheduledEnd: scheduledEnd must not be before scheduledStart" }),
    code: z.string().meta({
      description:
        "Stable code: VALIDATION_FAILED, MALFORMED_JSON, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, ROUTE_NOT_FOUND, INVALID_STATE, CONFLICT, METHOD_NOT_ALLOWED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, INTERNAL_ERROR",
      example: "VALIDATION_FAILED",
    }),
    errors: z
      .array(z.object({ path: z.string().meta({ example: "scheduledEnd" }), message: z.string() }))
      .optional()
      .meta({ description: "For validation problems: one entry per invalid field" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
