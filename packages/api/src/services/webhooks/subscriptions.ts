import { randomBytes } from "node:crypto";
import { type Executor, WebhookDisabledReason, webhookSubscriptions } from "@interventions/db";
import { type CreateWebhookInput, DomainError, ErrorCode, type WebhookEventType } from "@interventions/domain";
import { and, desc, eq } from "drizzle-orm";
import { checkDestination, type DestinationPolicy } from "../../webhooks/destination";

/** A subscription as admins see it; its secret only once, when it is made. */
export interface WebhookView {
  id: number;
  url: string;
  /** Null: every event, including types added later. */
  events: WebhookEventType[] | null;
  active: boolean;
  failingSince: string | null;
  /** Why it is off: an admin turned it off, or its deliveries failed for days. */
  disabledReason: WebhookDisabledReason | null;
  createdAt: string;
}

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

export function toWebhookView(row: SubscriptionRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: row.eventTypes as WebhookEventType[] | null,
    active: row.active,
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/**
 * Subscribes an organization's endpoint, after checking where it points (see `checkDestination`). Used by
 * the admins' verb and by `pnpm webhook create`; the secret is returned here and never again.
 */
export async function createSubscription(
  db: Executor,
  policy: DestinationPolicy,
  input: { organizationId: number; createdByProfileId: number | null; now: Date } & CreateWebhookInput,
): Promise<WebhookView & { secret: string }> {
  const url = await checkDestination(input.url, policy);
  const [row] = await db
    .insert(webhookSubscriptions)
    .values({
      organizationId: input.organizationId,
      url,
      eventTypes: input.events ?? null,
      secret: newSecret(),
      createdByProfileId: input.createdByProfileId,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  if (!row) throw new Error("the subscription insert returned nothing");
  return { ...toWebhookView(row), secret: row.secret };
}

export async function listSubscriptions(db: Executor, organizationId: number): Promise<WebhookView[]> {
  const rows = await db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.organizationId, organizationId))
    .orderBy(desc(webhookSubscriptions.id));
  return rows.map(toWebhookView);
}

/**
 * Turns a subscription on or off. On again, it starts afresh: no failures counted, no reason kept.
 * Another organization's subscription is not found.
 */
export async function setSubscriptionActive(
  db: Executor,
  input: { organizationId: number | null; webhookId: number; active: boolean; now: Date },
): Promise<WebhookView> {
  const [row] = await db
    .update(webhookSubscriptions)
    .set(
      input.active
        ? { active: true, failingSince: null, disabledReason: null, updatedAt: input.now }
        : { active: false, disabledReason: WebhookDisabledReason.byAdmin, updatedAt: input.now },
    )
    .where(
      and(
        eq(webhookSubscriptions.id, input.webhookId),
        input.organizationId === null ? undefined : eq(webhookSubscriptions.organizationId, input.organizationId),
      ),
    )
    .returning();
  if (!row) throw new DomainError(ErrorCode.notFound, `No webhook ${input.webhookId}`);
  return toWebhookView(row);
}
