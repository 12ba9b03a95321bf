import { z } from "zod";
import { anomalyStatusSchema } from "../anomaly/enums";
import { id, isoDateTime } from "../primitives";
import { interventionStatusSchema, interventionTypeSchema } from "./enums";

export const LIST_PAGE_MAX = 100;

/** The dashboard's list: filters, date order, and an opaque cursor for the next page (keyset pagination). */
export const listInterventionsInput = z
  .strictObject({
    type: interventionTypeSchema.optional(),
    status: interventionStatusSchema.optional(),
    siteId: id.optional(),
    assignedProfileId: id.optional(),
    assignedCompanyContactId: id.optional(),
    /** Scheduled start at or after. */
    from: isoDateTime.optional(),
    /** Scheduled start before. */
    to: isoDateTime.optional(),
    order: z.enum(["asc", "desc"]).default("asc"),
    cursor: z.string().max(200).optional(),
    limit: z.int().min(1).max(LIST_PAGE_MAX).default(25),
  })
  .refine((value) => !value.from || !value.to || Date.parse(value.from) <= Date.parse(value.to), {
    path: ["to"],
    message: "to must not be before from",
  });
export type ListInterventionsInput = z.input<typeof listInterventionsInput>;
export type ListInterventionsQuery = z.output<typeof listInterventionsInput>;

export const interventionIdInput = z.strictObject({ interventionId: id });

export const listAnomaliesInput = z.strictObject({
  status: anomalyStatusSchema.optional(),
  siteId: id.optional(),
});
export type ListAnomaliesQuery = z.output<typeof listAnomaliesInput>;
