import { z } from "zod";
import type { EnumValue } from "../enum";

export const InterventionType = {
  preventive: 1,
  curative: 2,
  trainingExercise: 3,
} as const;
export type InterventionType = EnumValue<typeof InterventionType>;
export const interventionTypeSchema = z.enum(InterventionType);

/**
 * The lifecycle of an intervention; the allowed moves are in `lifecycle.ts`.
 * - toSchedule: created with tentative dates, not yet confirmed with the provider;
 * - scheduled: dates confirmed, a code PIN issued for the technician;
 * - inProgress: the technician entered the code PIN on site;
 * - awaitingVerification: the work is done and waits for the client's decision;
 * - accepted / rejected: the client's decision, final;
 * - cancelled: called off before it was done, final.
 */
export const InterventionStatus = {
  toSchedule: 1,
  scheduled: 2,
  inProgress: 3,
  awaitingVerification: 4,
  accepted: 5,
  rejected: 6,
  cancelled: 7,
} as const;
export type InterventionStatus = EnumValue<typeof InterventionStatus>;
export const interventionStatusSchema = z.enum(InterventionStatus);

/** How an intervention enters the lifecycle, as the client states it on creation or update. */
export const CreationStatus = {
  toScheduled: 0,
  scheduled: 1,
  done: 2,
} as const;
export type CreationStatus = EnumValue<typeof CreationStatus>;
export const creationStatusSchema = z.enum(CreationStatus).meta({
  description: "Creation status: 0 toScheduled, 1 scheduled, 2 done.",
});

export const VerificationDecision = {
  accept: 1,
  reject: 2,
} as const;
export type VerificationDecision = EnumValue<typeof VerificationDecision>;
export const verificationDecisionSchema = z.enum(VerificationDecision).meta({
  description: "Client approval decision: 1 accept, 2 reject.",
});

/** What a preventive check is for: the regular check, the first one, or one after works. */
export const CheckType = {
  periodic: 1,
  initial: 2,
  afterWorks: 3,
} as const;
export type CheckType = EnumValue<typeof CheckType>;
export const checkTypeSchema = z.enum(CheckType);
