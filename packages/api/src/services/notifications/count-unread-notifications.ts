import { notifications } from "@interventions/db";
import { Operation } from "@interventions/domain";
import { and, count, isNull } from "drizzle-orm";
import { defineVerb, noInput } from "../verb";
import { ownNotifications } from "./own-notifications";

/** The number on the bell. */
export const countUnreadNotifications = defineVerb({ operation: Operation.read, input: noInput }, async ({ ctx }) => {
  const [row] = await ctx.db
    .select({ count: count() })
    .from(notifications)
    .where(and(ownNotifications(ctx), isNull(notifications.readAt)));
  return { count: row?.count ?? 0 };
});
