import { z } from "zod";
import { CURSOR_MAX_LENGTH } from "../intervention/query-schemas";
import { NAME_MAX_LENGTH, text } from "../primitives";

export const NOTIFICATION_PAGE_MAX = 50;

/** The bell's list: the actor's notifications, newest first, with an opaque cursor for the next page. */
export const listNotificationsInput = z.strictObject({
  unreadOnly: z.boolean().default(false),
  cursor: text({ max: CURSOR_MAX_LENGTH }).optional(),
  limit: z.int().min(1).max(NOTIFICATION_PAGE_MAX).default(20),
});
export type ListNotificationsInput = z.input<typeof listNotificationsInput>;
export type ListNotificationsQuery = z.output<typeof listNotificationsInput>;

/** Notification ids are opaque strings, as the verify endpoint's `notificationId`. */
export const notificationIdInput = z.strictObject({ id: text({ min: 1, max: NAME_MAX_LENGTH }) });
