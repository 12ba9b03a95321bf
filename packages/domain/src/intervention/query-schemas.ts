import { z } from "zod";
import { anomalyStatusSchema } from "../anomaly/enums";
import { id, isoDateTime, text } from "../primitives";
import { interventionStatusSchema, interventionTypeSchema } from "./enums";

export const LIST_PAGE_MAX = 100;

/** Cursors are opaque: a few dozen characters of base64url. */
export const CURSOR_MAX_LENGTH = 200;

const filterFields = {
  type: interventionTypeSchema.optional(),
  status: interventionStatusSchema.optional(),
  siteId: id.optional(),
  assignedProfileId: id.optional(),
  assignedCompanyContactId: id.optional(),
  /** Scheduled start at or after. */
  from: isoDateTime.optional(),
  /** Scheduled start before. */
  to: isoDateTime.optional(),
};

const fromNotAfterTo: [
  (value: { from?: string | undefined; to?: string | undefined }) => boolean,
  { path: string[]; message: string },
] = [
  (value) => !value.from || !value.to || Date.parse(value.from) <= Date.parse(value.to),
  { path: ["to"], message: "to must not be before from" },
];

/** The dashboard's filters, shared by the list and its counts per status. */
export const interventionFiltersInput = z.strictObject(filterFields).refine(...fromNotAfterTo);
export type InterventionFiltersInput = z.input<typeof interventionFiltersInput>;

/** The dashboard's list: filters, date order, and an opaque cursor for the next page (keyset pagination). */
export const listInterventionsInput = z
  .strictObject({
    ...filterFields,
    order: z.enum(["asc", "desc"]).default("asc"),
    cursor: text({ max: CURSOR_MAX_LENGTH }).optional(),
    limit: z.int().min(1).max(LIST_PAGE_MAX).default(25),
  })
  .refine(...fromNotAfterTo);
export type ListInterventionsInput = z.input<typeof listInterventionsInput>;
export type ListInterventionsQuery = z.output<typeof listInterventionsInput>;

export const interventionIdInput = z.strictObject({ interventionId: id });

export const listAnomaliesInput = z.strictObject({
  status: anomalyStatusSchema.optional(),
  siteId: id.optional(),
});
export type ListAnomaliesQuery = z.output<typeof listAnomaliesInput>;

/** The planning shows at most about a month at a time. */
export const PLANNING_MAX_DAYS = 42;

export const planningInput = z
  .strictObject({ from: isoDateTime, to: isoDateTime, siteId: id.optional(), type: interventionTypeSchema.optional() })
  .refine(...fromNotAfterTo)
  // Two spare hours: six calendar weeks that hold a daylight-saving change last 42 days and one hour.
  .refine((value) => Date.parse(value.to) - Date.parse(value.from) <= PLANNING_MAX_DAYS * 86_400_000 + 7_200_000, {
    path: ["to"],
    message: `The planning covers at most ${PLANNING_MAX_DAYS} days`,
  });

export const siteIdInput = z.strictObject({ siteId: id });

/** How many people took part in a drill, recorded from the dashboard. */
export const attendeeCountSchema = z.int().min(0).max(100_000);
