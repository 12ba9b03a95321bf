import { notifications } from "@interventions/db";
import { and, eq, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../../context";

/** The actor's own notifications: theirs, in the organization they act in. Every verb here starts from it. */
export function ownNotifications(ctx: ServiceContext): SQL {
  return and(
    eq(notifications.recipientProfileId, ctx.actor.profileId),
    eq(notifications.organizationId, ctx.actor.organizationId),
  ) as SQL;
}

/** What the dashboard receives of a notification. */
export const notificationColumns = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  interventionId: notifications.interventionId,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};
