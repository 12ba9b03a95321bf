import { z } from "zod";
import { id } from "../primitives";
import { checkTypeSchema, creationStatusSchema, interventionStatusSchema, interventionTypeSchema } from "./enums";

// The two documented response objects. Both are views of one stored intervention: the user-shaped
// one names people by user id, the profile-shaped one (002) by profile id. Keys follow the documents' order.

const timestamp = z.iso.datetime();

const head = {
  id,
  status: interventionStatusSchema,
  type: interventionTypeSchema,
  description: z.string().nullable(),
  imgSignature: z.string().nullable(),
  codePin: z.int().nullable(),
  autoCreated: z.boolean(),
  creationStatus: creationStatusSchema,
  scheduledStart: timestamp,
  scheduledEnd: timestamp,
  actualStart: timestamp.nullable(),
  actualEnd: timestamp.nullable(),
  providerName: z.string().nullable(),
  providerEmail: z.string().nullable(),
  providerActionComment: z.string().nullable(),
  providerGeneralComment: z.string().nullable(),
  assignedCompanyContactId: id.nullable(),
};

const tail = {
  routineId: id.nullable(),
  organizationId: id,
};

const stamps = {
  archivedAt: timestamp.nullable(),
  updatedAt: timestamp,
  createdAt: timestamp,
};

export const interventionUserShapedSchema = z.object({
  ...head,
  assignedUserId: id.nullable(),
  verifiedByUserId: id.nullable(),
  verifiedAt: timestamp.nullable(),
  decisionComment: z.string().nullable(),
  attendeeCount: z.int().nullable(),
  ...tail,
  createdByUserId: id.nullable(),
  ...stamps,
});
export type InterventionUserShaped = z.infer<typeof interventionUserShapedSchema>;

export const interventionProfileShapedSchema = z.object({
  ...head,
  assignedProfileId: id.nullable(),
  verifiedById: id.nullable(),
  verifiedAt: timestamp.nullable(),
  decisionComment: z.string().nullable(),
  ...tail,
  createdById: id.nullable(),
  ...stamps,
  companyId: id.nullable(),
  negotiationEndDate: timestamp.nullable(),
  checkType: checkTypeSchema.nullable(),
  deletedAt: timestamp.nullable(),
});
export type InterventionProfileShaped = z.infer<typeof interventionProfileShapedSchema>;

export const interventionUserShapedResponse = z.object({ data: interventionUserShapedSchema });
export const interventionProfileShapedResponse = z.object({ data: interventionProfileShapedSchema });
export const interventionPageResponse = z.object({
  data: z.array(interventionUserShapedSchema),
  nextCursor: z.string().nullable().meta({ description: "The cursor of the next page; null on the last." }),
});
export const unplannedPreventiveCreatedResponse = z.object({
  data: interventionUserShapedSchema,
  presignedUrl: z.url(),
});
