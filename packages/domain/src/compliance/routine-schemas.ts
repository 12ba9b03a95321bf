import { z } from "zod";
import { id } from "../primitives";

/** How far ahead a routine may plan its check: a year at most (the table's check says the same). */
export const LEAD_DAYS_MAX = 365;

/** A row the dashboard names: positive, as every id the database hands out is. */
const rowId = id.positive("Expected a positive id");

export const leadDaysSchema = z
  .int("Enter a whole number of days")
  .min(0, "At least 0 days")
  .max(LEAD_DAYS_MAX, `At most ${LEAD_DAYS_MAX} days`);

/** The organization's routines, or one site's, one rule's. */
export const listRoutinesInput = z
  .strictObject({
    siteId: rowId.optional(),
    ruleId: rowId.optional(),
  })
  .optional();
export type ListRoutinesInput = z.input<typeof listRoutinesInput>;

/**
 * What an admin or a manager changes in a routine: who its checks are assigned to (null: nobody), how many
 * days before the due date it plans them, whether it plans at all. A field left out stays as it is.
 */
export const updateRoutineInput = z.strictObject({
  routineId: rowId,
  assignedCompanyContactId: rowId.nullable().optional(),
  assignedProfileId: rowId.nullable().optional(),
  leadDays: leadDaysSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateRoutineInput = z.input<typeof updateRoutineInput>;
