import { z } from "zod";

/** A webhook job: post the oldest undelivered event of one stream (what the events are about) of one subscription. */
export const webhookJobSchema = z.object({ subscriptionId: z.number().int(), stream: z.string().min(1) });
export type WebhookJob = z.infer<typeof webhookJobSchema>;

/** The engine's ordering key: one stream of one subscription. */
export const webhookJobKey = (job: WebhookJob) => `${job.subscriptionId}:${job.stream}`;

/** The stream of an intervention's events, and of an obligation's (a rule on a site). */
export const interventionStream = (interventionId: number) => `i${interventionId}`;
export const siteRuleStream = (siteRuleId: number) => `r${siteRuleId}`;
