import { z } from "zod";

/** A mail job names its outbox row; the row holds the message (and its record), the job its schedule. */
export const mailJobSchema = z.object({ outboxId: z.number().int().positive() });
export type MailJob = z.infer<typeof mailJobSchema>;
