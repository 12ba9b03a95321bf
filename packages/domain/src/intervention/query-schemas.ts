import { z } from "zod";
import { anomalyStatusSchema } from "../anomaly/enums";
import {
  enumParam,
  id,
  idParam,
  isoDateTime,
  PAGE_DEFAULT,
  PAGE_MAX,
  pageCursor,
  pageSizeParam,
  text,
} from "../primitives";
import { InterventionStatus, InterventionType, interventionStatusSchema, interventionTypeSchema } from "./enums";

export const LIST_PAGE_MAX = 100;

/** A search is a few words typed in a box. */
export const SEARCH_MAX_LENGTH = 200;

/** Cursors are opaque: a few dozen characters of base64url. */
export const CURSOR_MAX_LENGTH = 200;

const filterFields = {
  type: interventionTypeSchema.optional(),
  status: interventionStatusSchema.optional(),
  siteId: id.optional(),
  assignedProfileId: id.optional(),
  assignedCompanyContactId: id.optional(),
  /** Only work nobody is assigned to: neither a provider contact nor a member. */
  unassigned: z.literal(true).optional(),
  /** Scheduled start at or after. */
  from: isoDateTime.optional(),
  /** Scheduled start before. */
  to: isoDateTime.optional(),
  /** Words to find, each in the number, description, site, assignee or provider (all of them must match). */
  q: text({ max: SEARCH_MAX_LENGTH }).optional(),
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

/** Rows per batch of an export: large enough for few round trips, small enough to hold little in memory. */
export const EXPORT_BATCH_MAX = 1_000;

/** A batch of the list as filtered, with names, for a file: the list's filters, order and keyset cursor. */
export const exportInterventionsInput = z
  .strictObject({
    ...filterFields,
    order: z.enum(["asc", "desc"]).default("asc"),
    cursor: text({ max: CURSOR_MAX_LENGTH }).optional(),
    limit: z.int().min(1).max(EXPORT_BATCH_MAX).default(500),
  })
  .refine(...fromNotAfterTo);
export type ExportInterventionsInput = z.input<typeof exportInterventionsInput>;

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

/**
 * What a partner syncs: the interventions changed since a date, in the order they last changed (updatedAt,
 * then id), a page after the cursor.
 */
export const syncInterventionsInput = z.strictObject({
  type: interventionTypeSchema.optional(),
  status: interventionStatusSchema.optional(),
  siteId: id.optional(),
  assignedUserId: id.optional(),
  assignedCompanyContactId: id.optional(),
  updatedSince: isoDateTime.optional(),
  cursor: pageCursor.optional(),
  limit: z.int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
});
export type SyncInterventionsInput = z.input<typeof syncInterventionsInput>;

/** The same, as the query string of `GET /interventions/v2/rs` carries it. */
export const syncInterventionsQueryParams = z.strictObject({
  type: enumParam(InterventionType)
    .meta({ description: "1 preventive, 2 curative, 3 training exercise.", example: "2" })
    .optional(),
  status: enumParam(InterventionStatus)
    .meta({
      description:
        "1 to schedule, 2 scheduled, 3 in progress, 4 awaiting verification, 5 accepted, 6 rejected, 7 cancelled.",
      example: "4",
    })
    .optional(),
  siteId: idParam.meta({ description: "Only the interventions on this site.", example: "1" }).optional(),
  assignedUserId: idParam
    .meta({ description: "Only those assigned to this user (a member of the organization).", example: "3" })
    .optional(),
  assignedCompanyContactId: idParam
    .meta({ description: "Only those assigned to this provider's contact.", example: "2" })
    .optional(),
  updatedSince: isoDateTime
    .meta({
      description:
        "Only those changed at or after this instant (UTC): the `updatedAt` of the last row of the previous sync.",
      example: "2026-12-01T00:00:00.000Z",
    })
    .optional(),
  cursor: pageCursor.optional(),
  limit: pageSizeParam
    .meta({ description: `Interventions per page, 1 to ${PAGE_MAX}.`, example: "50" })
    .default(PAGE_DEFAULT),
});
