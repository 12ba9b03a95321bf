import { interventions, notifications } from "@interventions/db";
import { ProfileRole } from "@interventions/domain";
import { and, eq, isNull, not, or, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { linksOutsideScope } from "../interventions/read/scope";

/**
 * The actor's own notifications: theirs, in the organization they act in, and for a provider's technician
 * none about an intervention outside their scope (one reassigned away from them). Every verb here starts
 * from it, so that the count, the list and marking read agree.
 */
export function ownNotifications(ctx: ServiceContext): SQL {
  const { actor } = ctx;
  return and(
    eq(notifications.recipientProfileId, actor.profileId),
    eq(notifications.organizationId, actor.organizationId),
    actor.role === ProfileRole.provider
      ? or(
          isNull(notifications.interventionId),
          not(linksOutsideScope(actor, eq(interventions.id, notifications.interventionId))),
        )
      : undefined,
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
