import { notifications, profiles, type Transaction, users } from "@interventions/db";
import { Operation, ProfileRole, roleAllows } from "@interventions/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { WriteContext } from "../../../context";
import { MessageKind } from "../../../mail/message-kinds";
import { insertNotifications } from "./in-app";

const VERIFIER_ROLES = Object.values(ProfileRole).filter((role) => roleAllows(role, Operation.verify));

/**
 * Asks the organization's verifiers, in the app, for their decision. A task rather than a notice: the
 * actor is asked too when they may verify, since the decision is still to make.
 */
export async function askVerifiers(tx: Transaction, ctx: WriteContext, interventionId: number): Promise<void> {
  const verifiers = await tx
    .select({ profileId: profiles.id, locale: users.locale })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(
      and(
        eq(profiles.organizationId, ctx.actor.organizationId),
        inArray(profiles.role, VERIFIER_ROLES),
        isNull(profiles.deletedAt),
      ),
    );
  await insertNotifications(
    tx,
    ctx,
    verifiers.map((verifier) => ({ ...verifier, interventionId, kind: MessageKind.awaitingVerification, body: null })),
  );
}

/** Once decided, every verifier's "awaiting verification" task is settled: nothing is left to do. */
export async function settleVerifierTasks(tx: Transaction, ctx: WriteContext, interventionId: number) {
  await tx
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(
      and(
        eq(notifications.interventionId, interventionId),
        eq(notifications.kind, MessageKind.awaitingVerification),
        isNull(notifications.readAt),
      ),
    );
}
