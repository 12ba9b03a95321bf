import { z } from "zod";
import { id, idList, isoDateTime, longText } from "../primitives";
import { CreationStatus } from "./enums";

/** The dashboard plans a preventive check of some site rules: tentative dates, or confirmed ones. */
export const planPreventiveInput = z
  .strictObject({
    siteRuleIds: idList,
    scheduledStart: isoDateTime,
    scheduledEnd: isoDateTime,
    creationStatus: z.union([z.literal(CreationStatus.toScheduled), z.literal(CreationStatus.scheduled)]),
    description: longText.optional(),
    assignedCompanyContactId: id.optional(),
    assignedProfileId: id.optional(),
  })
  .refine((value) => Date.parse(value.scheduledEnd) >= Date.parse(value.scheduledStart), {
    path: ["scheduledEnd"],
    message: "The end must not be before the start",
  });
export type PlanPreventiveInput = z.infer<typeof planPreventiveInput>;
