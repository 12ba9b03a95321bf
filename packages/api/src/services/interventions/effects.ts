import { randomInt } from "node:crypto";
import { notifications, profiles, type Transaction, users } from "@interventions/db";
import { Operation, ProfileRole, roleAllows } from "@interventions/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { localeOf, MessageKind } from "../../mail/message-kinds";
import { notificationTitle } from "../../mail/render-message";

/** A fresh 6-digit code PIN for the technician to type on site. */
export function newCodePin(): number {
  return randomInt(100_000, 1_000_000);
}

const VERIFIER_ROLES = Object.values(ProfileRole).filter((role) => roleAllows(role, Operation.verify));

/**
 * Tells the organization's verifiers, in the app, that an intervention waits for their decision. A task
 * rather than a notice: the actor is told too when they may verify, since the decision is still to make.
 */
export async function notifyVerifiers(tx: Transaction, ctx: ServiceContext, interventionId: number): Promise<void> {
  const verifiers = await tx
    .select({ id: profiles.id, locale: users.locale })
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
    verifiers.map((verifier) => ({ profileId: verifier.id, locale: verifier.locale })),
    { interventionId, kind: MessageKind.awaitingVerification, body: null },
  );
}

/** In-app notifications of one event, each titled in its recipient's language. */
export async function insertNotifications(
  tx: Transaction,
  ctx: ServiceContext,
  recipients: { profileId: number; locale: string }[],
  event: { interventionId: number; kind: MessageKind; body: string | null },
): Promise<void> {
  if (recipients.length === 0) return;
  await tx.insert(notifications).values(
    recipients.map((recipient) => ({
      organizationId: ctx.actor.organizationId,
      recipientProfileId: recipient.profileId,
      interventionId: event.interventionId,
      kind: event.kind,
      title: notificationTitle(event.kind, localeOf(recipient.locale), event.interventionId),
      body: event.body,
      createdAt: ctx.now,
    })),
  );
}
