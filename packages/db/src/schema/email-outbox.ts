import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, enumColumn, idColumn, inEnum, ref } from "./columns";
import { interventions } from "./interventions";
import { organizationIdColumn } from "./organizations";

export const OutboxStatus = {
  pending: 1,
  sent: 2,
  dead: 3,
} as const;

/**
 * E-mails to send, written in the same transaction as the change that causes them, so that a change
 * is never committed without its e-mail nor an e-mail sent for a change that rolled back. Each row has a
 * job in the job engine (schema `jobs`, same transaction) that delivers it; the row keeps the outcome.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    interventionId: ref().references(() => interventions.id, { onDelete: "set null" }),
    kind: text().notNull(),
    recipientEmail: text().notNull(),
    recipientName: text(),
    locale: text().notNull().default("fr"),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Stable across retries, so that a message re-sent after a crash can be recognised. */
    messageId: text().notNull().unique(),
    status: enumColumn(OutboxStatus).notNull().default(OutboxStatus.pending),
    /** Attempts started so far, each counted as it starts; it also fences a stalled worker's late failure. */
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    check("email_outbox_status_check", inEnum(t.status, OutboxStatus)),
    check("email_outbox_attempts_check", sql`${t.attempts} >= 0`),
    check("email_outbox_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);
