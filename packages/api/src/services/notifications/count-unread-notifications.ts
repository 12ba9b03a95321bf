import { notifications } from "@interventions/db";
import { and, count, isNull } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { ownNotifications } from "./own-notifications";

/** The number on the bell. */
export async function countUnreadNotifications({ ctx }: { ctx: ServiceContext }): Promise<{ count: number }> {
  const [row] = await ctx.db
    .select({ count: count() })
    .from(notifications)
    .where(and(ownNotifications(ctx), isNull(notifications.readAt)));
  return { count: row?.count ?? 0 };
}
