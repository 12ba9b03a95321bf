import { z } from "zod";
import { id, idList, isoDateTime, longText } from "../primitives";
import { creationStatusSchema, verificationDecisionSchema } from "./enums";

// The five documented request bodies. Strict objects: an unknown field is an error, not ignored.

export const SIGNATURE_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const SIGNATURE_MAX_BYTES = 5 * 1024 * 1024;

/** Letters, digits, dot, dash, underscore; no leading dot, no path separator. */
const SAFE_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export const signatureSchema = z.strictObject({
  name: z.string().min(1).max(255).regex(SAFE_FILE_NAME, "Use letters, digits, '.', '-' or '_' only"),
  mimeType: z.enum(SIGNATURE_MIME_TYPES),
  size: z.int().min(1).max(SIGNATURE_MAX_BYTES),
});

export const providerSchema = z.strictObject({
  firstName: z.string().min(1).max(255),
  lastName: z.string().min(1).max(255),
  email: z.email().max(254),
  actionComment: longText.optional(),
  comment: longText.optional(),
});

/** 000 — POST /interventions/v2/mb/preventive/unplanned */
export const createUnplannedPreventiveBody = z.strictObject({
  companyId: id,
  siteIds: idList,
  ruleIds: idList,
  signature: signatureSchema,
  provider: providerSchema,
  actualStart: isoDateTime.optional(),
});
export type CreateUnplannedPreventiveBody = z.infer<typeof createUnplannedPreventiveBody>;

/** 001 — POST /interventions/v2/rs/curative */
export const createCurativeBody = z
  .strictObject({
    scheduledStart: isoDateTime,
    scheduledEnd: isoDateTime,
    anomalyIds: idList,
    creationStatus: creationStatusSchema,
    description: longText.optional(),
    assignedCompanyContactId: id.optional(),
    assignedUserId: id.optional(),
  })
  .superRefine(scheduleInOrder);
export type CreateCurativeBody = z.infer<typeof createCurativeBody>;

export const previousAssigneeNotificationSchema = z.strictObject({
  sendEmail: z.boolean(),
  reason: longText.optional(),
});

/** 002 — PATCH /interventions/v2/rs/preventive/{interventionId} */
export const updatePreventiveBody = z
  .strictObject({
    description: longText.optional(),
    scheduledStart: isoDateTime.optional(),
    scheduledEnd: isoDateTime.optional(),
    siteRuleIds: idList.optional(),
    creationStatus: creationStatusSchema.optional(),
    assignedCompanyContactId: id.optional(),
    assignedProfileId: id.optional(),
    sendUpdateEmailToCurrentAssignee: z.boolean().default(false),
    previousAssigneeNotification: previousAssigneeNotificationSchema.optional(),
  })
  .superRefine(scheduleInOrder);
export type UpdatePreventiveBody = z.infer<typeof updatePreventiveBody>;

/** 003 — PATCH /interventions/v2/rs/training-exercise/{interventionId} */
export const updateTrainingExerciseBody = z
  .strictObject({
    description: longText.optional(),
    scheduledStart: isoDateTime.optional(),
    scheduledEnd: isoDateTime.optional(),
    ruleId: id.optional(),
    siteIds: idList.optional(),
    creationStatus: creationStatusSchema.optional(),
    assignedCompanyContactId: id.optional(),
    assignedUserId: id.optional(),
    validateIntervention: z.boolean().optional(),
  })
  .superRefine(scheduleInOrder);
export type UpdateTrainingExerciseBody = z.infer<typeof updateTrainingExerciseBody>;

/** 004 — PATCH /interventions/v2/rs/{interventionId}/verify */
export const verifyInterventionBody = z.strictObject({
  decisionComment: longText,
  decision: verificationDecisionSchema,
  notificationId: z.string().min(1).max(255).optional(),
});
export type VerifyInterventionBody = z.infer<typeof verifyInterventionBody>;

function scheduleInOrder(
  value: { scheduledStart?: string | undefined; scheduledEnd?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  const { scheduledStart, scheduledEnd } = value;
  if (scheduledStart && scheduledEnd && Date.parse(scheduledEnd) < Date.parse(scheduledStart)) {
    ctx.addIssue({
      code: "custom",
      path: ["scheduledEnd"],
      message: "scheduledEnd must not be before scheduledStart",
    });
  }
}
