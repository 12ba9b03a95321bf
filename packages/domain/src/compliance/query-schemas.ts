import { z } from "zod";
import { id, idParam, PAGE_DEFAULT, PAGE_MAX, pageCursor, pageSizeParam } from "../primitives";
import { obligationStatusSchema } from "./obligation";

const cursor = pageCursor;
const status = obligationStatusSchema.meta({
  description: "compliant, dueSoon (due within the organization's warning window), overdue, or neverDone.",
  example: "overdue",
});

/** The obligations a caller asks for: by site, rule and status, a page after the cursor. */
export const listObligationsInput = z.strictObject({
  siteId: id.optional(),
  ruleId: id.optional(),
  status: status.optional(),
  cursor: cursor.optional(),
  limit: z.int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
});
export type ListObligationsInput = z.input<typeof listObligationsInput>;

/** The same, as the query string of `GET /interventions/v2/rs/compliance` carries it. */
export const obligationsQueryParams = z.strictObject({
  siteId: idParam.meta({ description: "Only this site's obligations.", example: "1" }).optional(),
  ruleId: idParam.meta({ description: "Only this rule's obligations.", example: "1" }).optional(),
  status: status.optional(),
  cursor: cursor.optional(),
  limit: pageSizeParam
    .meta({ description: `Obligations per page, 1 to ${PAGE_MAX}.`, example: "50" })
    .default(PAGE_DEFAULT),
});

const instant = z.iso.datetime();

/** One obligation as partners read it. */
export const obligationSchema = z
  .object({
    siteRuleId: id.meta({ description: "The rule as applied to the site.", example: 12 }),
    siteId: id.meta({ example: 3 }),
    ruleId: id.meta({ example: 1 }),
    status,
    lastDoneAt: instant.nullable().meta({
      description: "When the latest covering intervention was done (UTC).",
      example: "2025-11-03T09:00:00.000Z",
    }),
    pendingVerification: z
      .boolean()
      .meta({ description: "The latest done intervention still awaits the client's verification.", example: false }),
    dueAt: instant.nullable().meta({
      description: "When the obligation falls due (UTC); null when never done.",
      example: "2026-11-03T09:00:00.000Z",
    }),
    nextInterventionId: id.nullable().meta({ description: "The next open covering intervention.", example: 57 }),
    nextScheduledStart: instant.nullable().meta({ example: "2026-12-10T08:00:00.000Z" }),
    openAnomalyCount: z.int().min(0).meta({ description: "Open anomalies found on this site rule.", example: 1 }),
  })
  .meta({ id: "Obligation", description: "Where one rule on one site stands" });

export type ObligationRow = z.infer<typeof obligationSchema>;

export const obligationPageResponse = z.object({
  data: z.array(obligationSchema),
  nextCursor: z.string().nullable().meta({ description: "The cursor of the next page; null on the last." }),
});
