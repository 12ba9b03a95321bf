import { notifications } from "@interventions/db";
import { Operation } from "@interventions/domain";
import { and, isNull } from "drizzle-orm";
import { defineVerb, noInput } from "../verb";
import { ownNotifications } from "./own-notifications";

/** Marks every unread notification of the actor read; answers how many were. */
export const markAllNotificationsRead = defineVerb({ operation: Operation.read, input: noInput }, async ({ ctx }) => {
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(ownNotifications(ctx), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length };
});
