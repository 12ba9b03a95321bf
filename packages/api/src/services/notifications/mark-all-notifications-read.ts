import { notifications } from "@interventions/db";
import { and, isNull } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { ownNotifications } from "./own-notifications";

/** Marks every unread notification of the actor read; answers how many were. */
export async function markAllNotificationsRead({ ctx }: { ctx: ServiceContext }): Promise<{ marked: number }> {
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(ownNotifications(ctx), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
