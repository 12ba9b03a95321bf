import { z } from "zod";
import { commentText, emailAddress, id, idList, isoDateTime, longText, NAME_MAX_LENGTH, text } from "../primitives";
import { creationStatusSchema, verificationDecisionSchema } from "./enums";
import { attendeeCountSchema } from "./query-schemas";

// The five documented request bodies. Strict objects: an unknown field is an error, not ignored.

export const SIGNATURE_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const SIGNATURE_MAX_BYTES = 5 * 1024 * 1024;

/** Letters, digits, dot, dash, underscore; no leading dot, no path separator. */
const SAFE_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export const signatureSchema = z
  .strictObject({
    name: text({ min: 1, max: NAME_MAX_LENGTH })
      .regex(SAFE_FILE_NAME, "Use letters, digits, '.', '-' or '_' only")
      .meta({ description: "File name of the signature image.", example: "example.jpg" }),
    mimeType: z.enum(SIGNATURE_MIME_TYPES).meta({ description: "Media type of the image.", example: "image/jpeg" }),
    size: z.int().min(1).max(SIGNATURE_MAX_BYTES).meta({ description: "Size of the image in bytes.", example: 1024 }),
  })
  .meta({ description: "The signature image to upload to the returned presigned URL." });

export const providerSchema = z
  .strictObject({
    firstName: text({ min: 1, max: NAME_MAX_LENGTH }).meta({
      description: "First name of the technician.",
      example: "Provider name",
    }),
    lastName: text({ min: 1, max: NAME_MAX_LENGTH }).meta({
      description: "Last name of the technician.",
      example: "Provider name",
    }),
    email: emailAddress.meta({ description: "E-mail address of the technician.", example: "example@mail.fr" }),
    actionComment: commentText
      .meta({ description: "What the technician did.", example: "Action comment from the provider" })
      .optional(),
    comment: commentText
      .meta({ description: "General comment from the technician.", example: "General comment from the provider" })
      .optional(),
  })
  .meta({ description: "The provider's technician who did the intervention." });

const scheduledStart = isoDateTime.meta({
  description: "Start time of the intervention.",
  example: "2024-12-01T12:34:56.000Z",
});
const scheduledEnd = isoDateTime.meta({
  description: "End time of the intervention.",
  example: "2024-12-05T14:56:23.000Z",
});
const description = longText.meta({
  description: "Description of the intervention.",
  example: "Description of the intervention",
});
const assignedCompanyContactId = id.meta({ description: "Identifier of the associated company contact.", example: 1 });
const assignedUserId = id.meta({ description: "Identifier of the associated user.", example: 1 });
const creationStatus = creationStatusSchema.meta({
  description: "Current creation status of the intervention: 0 toScheduled, 1 scheduled, 2 done.",
  example: 1,
});

/** 000 — POST /interventions/v2/mb/preventive/unplanned */
export const createUnplannedPreventiveBody = z
  .strictObject({
    companyId: id.meta({ description: "Unique identifier of the company.", example: 1 }),
    siteIds: idList.meta({ description: "Array of site IDs.", example: [1, 2, 3] }),
    ruleIds: idList.meta({ description: "Array of rule IDs.", example: [1, 2, 3] }),
    signature: signatureSchema,
    provider: providerSchema,
    actualStart: isoDateTime
      .meta({
        description: "Actual start date of the intervention (when the provider put the code pin).",
        example: "2024-12-01T12:34:56.000Z",
      })
      .optional(),
  })
  .meta({ description: "Create an unplanned preventive intervention" });
export type CreateUnplannedPreventiveBody = z.infer<typeof createUnplannedPreventiveBody>;

/** 001 — POST /interventions/v2/rs/curative */
export const createCurativeBody = z
  .strictObject({
    scheduledStart,
    scheduledEnd,
    anomalyIds: idList.meta({ description: "Unique identifiers of the anomalies to repair.", example: [1] }),
    creationStatus,
    description: description.optional(),
    assignedCompanyContactId: assignedCompanyContactId.optional(),
    assignedUserId: assignedUserId.optional(),
  })
  .superRefine(scheduleInOrder);
export type CreateCurativeBody = z.infer<typeof createCurativeBody>;

export const previousAssigneeNotificationSchema = z
  .strictObject({
    sendEmail: z.boolean().meta({ description: "Whether to e-mail the previous assignee.", example: true }),
    reason: commentText
      .meta({ description: "Why the intervention was reassigned.", example: "The intervention details have changed." })
      .optional(),
  })
  .meta({ description: "Notification settings for the previous assignee when the intervention is reassigned." });

/** 002 — PATCH /interventions/v2/rs/preventive/{interventionId} */
export const updatePreventiveBody = z
  .strictObject({
    description: description.optional(),
    scheduledStart: scheduledStart.optional(),
    scheduledEnd: scheduledEnd.optional(),
    siteRuleIds: idList.meta({ description: "Unique identifiers of the site rules.", example: [1, 2, 3] }).optional(),
    creationStatus: creationStatus.optional(),
    assignedCompanyContactId: assignedCompanyContactId.optional(),
    assignedProfileId: id.meta({ description: "Identifier of the associated profile.", example: 1 }).optional(),
    sendUpdateEmailToCurrentAssignee: z
      .boolean()
      .default(false)
      .meta({ description: "Whether to send an update email to the current assignee.", example: false }),
    previousAssigneeNotification: previousAssigneeNotificationSchema.optional(),
  })
  .superRefine(scheduleInOrder);
export type UpdatePreventiveBody = z.infer<typeof updatePreventiveBody>;

/** 003 — PATCH /interventions/v2/rs/training-exercise/{interventionId} */
export const updateTrainingExerciseBody = z
  .strictObject({
    description: description.optional(),
    scheduledStart: scheduledStart.optional(),
    scheduledEnd: scheduledEnd.optional(),
    ruleId: id.meta({ description: "Unique identifier of the rule.", example: 1 }).optional(),
    siteIds: idList.meta({ description: "Unique identifiers of the associated sites.", example: [1, 2, 3] }).optional(),
    creationStatus: creationStatus.optional(),
    assignedCompanyContactId: assignedCompanyContactId.optional(),
    assignedUserId: assignedUserId.optional(),
    validateIntervention: z
      .boolean()
      .meta({ description: "Whether the intervention is validated.", example: true })
      .optional(),
  })
  .superRefine(scheduleInOrder)
  .meta({ description: "Fields to update for the training session intervention" });
export type UpdateTrainingExerciseBody = z.infer<typeof updateTrainingExerciseBody>;

/** 004 — PATCH /interventions/v2/rs/{interventionId}/verify */
export const verifyInterventionBody = z
  .strictObject({
    decisionComment: longText.meta({
      description: "Reason for the decision (for a refusal, why the intervention is refused).",
      example: "Provider refused the intervention due to scheduling conflicts.",
    }),
    decision: verificationDecisionSchema.meta({
      description: "Client approval decision on intervention: 1 accept, 2 reject.",
      example: 2,
    }),
    notificationId: text({ min: 1, max: NAME_MAX_LENGTH })
      .meta({ description: "Notification ID to mark the notification as read.", example: "notification-12345" })
      .optional(),
  })
  .meta({ description: "Details required to verify an intervention" });
export type VerifyInterventionBody = z.infer<typeof verifyInterventionBody>;

// What the verbs behind 002, 003 and 004 take: the documented body with the path's intervention id among
// its fields, so that every transport reports errors at the body's own paths.

/**
 * A conditional update: the versions the client last read (REST's `If-Match`). The write happens only if
 * the intervention is still at one of them; otherwise nothing changes (412).
 */
const expectedVersions = z.array(z.int().min(1)).max(20).optional();

/**
 * The dashboard's one assignee control, which the documented bodies cannot express (their PATCH never clears
 * an assignee): "Nobody" leaves nobody assigned; a choice replaces whoever was assigned, contact or member.
 */
const assigneeControl = {
  unassign: z.literal(true).optional(),
  replaceAssignee: z.literal(true).optional(),
};

function assigneeControlInOrder(memberField: "assignedProfileId" | "assignedUserId") {
  return (
    input: { unassign?: true | undefined; replaceAssignee?: true | undefined } & Partial<
      Record<"assignedCompanyContactId" | typeof memberField, number>
    >,
    ctx: z.RefinementCtx,
  ): void => {
    const given = [input.assignedCompanyContactId, input[memberField]].filter((value) => value !== undefined).length;
    if (input.unassign && given > 0) {
      ctx.addIssue({ code: "custom", path: ["unassign"], message: "unassign cannot be combined with an assignee" });
    }
    if (input.replaceAssignee && given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["replaceAssignee"],
        message: "replaceAssignee needs exactly one assignee: a provider contact or a member",
      });
    }
  };
}

export const updatePreventiveInput = updatePreventiveBody
  .safeExtend({ interventionId: id, expectedVersions, ...assigneeControl })
  .superRefine(assigneeControlInOrder("assignedProfileId"));
export type UpdatePreventiveInput = z.infer<typeof updatePreventiveInput>;

export const updateTrainingExerciseInput = updateTrainingExerciseBody
  .safeExtend({
    interventionId: id,
    expectedVersions,
    /** How many people took part: the dashboard records it; the documented body has no such field. */
    attendeeCount: attendeeCountSchema.optional(),
    ...assigneeControl,
  })
  .superRefine(assigneeControlInOrder("assignedUserId"));
export type UpdateTrainingExerciseInput = z.infer<typeof updateTrainingExerciseInput>;

export const verifyInterventionInput = verifyInterventionBody.safeExtend({ interventionId: id, expectedVersions });
export type VerifyInterventionInput = z.infer<typeof verifyInterventionInput>;

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
