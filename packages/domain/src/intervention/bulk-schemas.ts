import { z } from "zod";
import { DomainError, ErrorCode } from "../errors";
import { id, isoDateTime } from "../primitives";

/** How many interventions one bulk action may change: a list page's worth, several times over. */
export const BULK_MAX = 200;

const interventionIds = z
  .array(id)
  .min(1, "Select one intervention or more")
  .max(BULK_MAX, `At most ${BULK_MAX} items`)
  .refine((ids) => new Set(ids).size === ids.length, "An intervention is listed twice");

/** Assign many interventions to one provider contact or one member of the organization. */
export const bulkAssignInput = z
  .strictObject({
    interventionIds,
    assignedCompanyContactId: id.optional(),
    assignedProfileId: id.optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.assignedCompanyContactId === undefined) === (value.assignedProfileId === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["assignedCompanyContactId"],
        message: "Name one assignee: a company contact or a member",
      });
    }
  });
export type BulkAssignInput = z.infer<typeof bulkAssignInput>;

/** Plan many interventions on the same dates. */
export const bulkPlanInput = z
  .strictObject({ interventionIds, scheduledStart: isoDateTime, scheduledEnd: isoDateTime })
  .superRefine((value, ctx) => {
    if (Date.parse(value.scheduledEnd) < Date.parse(value.scheduledStart)) {
      ctx.addIssue({
        code: "custom",
        path: ["scheduledEnd"],
        message: "scheduledEnd must not be before scheduledStart",
      });
    }
  });
export type BulkPlanInput = z.infer<typeof bulkPlanInput>;

/**
 * Why one row of a bulk action was refused. The message is the issue's, at `interventionIds.<index>`: a
 * client reads the reason back from it exactly (`bulkRefusalOf`), in its own words.
 */
export const BulkRefusal = {
  notFound: "Not found",
  /** Done, decided or cancelled work keeps its plan. */
  notEditable: "Its status does not allow re-planning",
  /** A repair is planned once, when it is created from its anomalies. */
  repair: "A repair is not re-planned in bulk",
} as const;
export type BulkRefusal = keyof typeof BulkRefusal;

export interface BulkRowRefusal {
  index: number;
  reason: BulkRefusal;
}

/** The issues of a refused bulk action, one per refused row, at the row's place in the request. */
export function bulkRefusalIssues(refusals: readonly BulkRowRefusal[]) {
  return refusals.map(({ index, reason }) => ({ path: `interventionIds.${index}`, message: BulkRefusal[reason] }));
}

/** The reason a bulk issue's message names, if it is one. */
export function bulkRefusalOf(message: string): BulkRefusal | undefined {
  return (Object.keys(BulkRefusal) as BulkRefusal[]).find((reason) => BulkRefusal[reason] === message);
}

/** A refused bulk action: not found when some row is, else invalid state; every refused row is listed. */
export function bulkRefused(refusals: readonly BulkRowRefusal[]): DomainError {
  const notFound = refusals.some((refusal) => refusal.reason === "notFound");
  return new DomainError(
    notFound ? ErrorCode.notFound : ErrorCode.invalidState,
    `${refusals.length} of the selected interventions cannot be changed: nothing was changed`,
    bulkRefusalIssues(refusals),
  );
}
