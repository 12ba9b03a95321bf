import { randomInt, randomUUID } from "node:crypto";
import { emailOutbox, notifications, profiles, type Transaction } from "@interventions/db";
import { Operation, ProfileRole, roleAllows } from "@interventions/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { ServiceContext } from "../../context";

/** A fresh 6-digit code PIN for the technician to type on site. */
export function newCodePin(): number {
  return randomInt(100_000, 1_000_000);
}

const VERIFIER_ROLES = Object.values(ProfileRole).filter((role) => roleAllows(role, Operation.verify));

/** Tells the organization's verifiers, in the app, that an intervention waits for their decision. */
export async function notifyVerifiers(tx: Transaction, ctx: ServiceContext, interventionId: number): Promise<void> {
  const verifiers = await tx
    .select({ id: profiles.id })
    .from(profiles)
    .where(
      and(
        eq(profiles.organizationId, ctx.actor.organizationId),
        inArray(profiles.role, VERIFIER_ROLES),
        isNull(profiles.deletedAt),
      ),
    );
  if (verifiers.length === 0) return;
  await tx.insert(notifications).values(
    verifiers.map((verifier) => ({
      organizationId: ctx.actor.organizationId,
      recipientProfileId: verifier.id,
      interventionId,
      kind: "awaitingVerification",
      title: `Intervention ${interventionId} is done and awaits your verification`,
      createdAt: ctx.now,
    })),
  );
}

export interface EmailRecipient {
  email: string;
  name: string;
  locale: string;
}

/** Writes an e-mail intent in the caller's transaction; the delivery worker sends it after commit. */
export async function queueEmail(
  tx: Transaction,
  ctx: ServiceContext,
  message: { interventionId: number; kind: string; recipient: EmailRecipient; payload?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(emailOutbox).values({
    organizationId: ctx.actor.organizationId,
    interventionId: message.interventionId,
    kind: message.kind,
    recipientEmail: message.recipient.email,
    recipientName: message.recipient.name,
    locale: message.recipient.locale,
    payload: message.payload ?? {},
    messageId: `<${randomUUID()}@interventions.local>`,
    nextAttemptAt: ctx.now,
    createdAt: ctx.now,
  });
}
