import { notifications } from "@interventions/db";
import { DomainError, ErrorCode, notificationIdInput, Operation } from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";
import { defineVerb } from "../verb";
import { notificationColumns, ownNotifications } from "./own-notifications";

/**
 * Marks one of the actor's notifications read. Read again, it keeps the first reading's time; someone
 * else's is not found, like an unknown id.
 */
export const markNotificationRead = defineVerb(
  { operation: Operation.read, input: notificationIdInput },
  async ({ ctx, input }) => {
    const mine = and(ownNotifications(ctx), eq(notifications.id, input.id));
    const [marked] = await ctx.db
      .update(notifications)
      .set({ readAt: ctx.now })
      .where(and(mine, isNull(notifications.readAt)))
      .returning(notificationColumns);
    if (marked) return marked;
    const [already] = await ctx.db.select(notificationColumns).from(notifications).where(mine);
    if (!already) throw new DomainError(ErrorCode.notFound, `Notification ${input.id} not found`);
    return already;
  },
);
