import { z } from "zod";

/** What happened, as far as one recipient is concerned: each kind has its own subject and wording. */
export const MessageKind = {
  assigned: "assigned",
  unassigned: "unassigned",
  updated: "updated",
  accepted: "accepted",
  rejected: "rejected",
  awaitingVerification: "awaitingVerification",
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];
export const messageKindSchema = z.enum(MessageKind);

export const Locale = { fr: "fr", en: "en" } as const;
export type Locale = (typeof Locale)[keyof typeof Locale];

/** Anything else falls back to French, the product's default language. */
export function localeOf(value: string): Locale {
  return value === Locale.en ? Locale.en : Locale.fr;
}

/**
 * What a message says about its intervention, captured when the change is committed (the outbox row's
 * payload), so that a message sent later still describes the change it announces.
 */
export const messagePayloadSchema = z.object({
  intervention: z.object({
    type: z.number().int(),
    description: z.string().nullable(),
    scheduledStart: z.iso.datetime(),
    scheduledEnd: z.iso.datetime(),
  }),
  /** unassigned: why, as the planner wrote it. */
  reason: z.string().nullable().optional(),
  /** accepted / rejected: the verifier's comment. */
  comment: z.string().nullable().optional(),
  /** updated: the fields that changed. */
  fields: z.array(z.string()).optional(),
});
export type MessagePayload = z.infer<typeof messagePayloadSchema>;
