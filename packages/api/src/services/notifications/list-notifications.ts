import { notifications } from "@interventions/db";
import { listNotificationsInput, NAME_MAX_LENGTH, Operation, text } from "@interventions/domain";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import { pageCursor } from "../page-cursor";
import { defineVerb } from "../verb";
import { notificationColumns, ownNotifications } from "./own-notifications";

// The id is read back from the client: the same refinement as any text it sends.
const cursor = pageCursor(z.tuple([z.iso.datetime(), text({ max: NAME_MAX_LENGTH })]));

/** A page of the actor's notifications, newest first, after the cursor's (date, id). Every role has some. */
export const listNotifications = defineVerb(
  { operation: Operation.read, input: listNotificationsInput },
  async ({ ctx, input }) => {
    const conditions = [ownNotifications(ctx)];
    if (input.unreadOnly) conditions.push(isNull(notifications.readAt));
    if (input.cursor) {
      const [createdAt, id] = cursor.decode(input.cursor);
      const after = { createdAt: new Date(createdAt), id };
      const older = or(
        lt(notifications.createdAt, after.createdAt),
        and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
      );
      if (older) conditions.push(older);
    }
    const rows = await ctx.db
      .select(notificationColumns)
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.limit + 1);
    const items = rows.slice(0, input.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > input.limit && last ? cursor.encode([last.createdAt.toISOString(), last.id]) : null;
    return { items, nextCursor };
  },
);
