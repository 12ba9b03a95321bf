import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
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
 * is never committed without its e-mail nor an e-mail sent for a change that rolled back.
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
    /** Attempts started so far: a worker counts one when it claims the row, so it also fences stale workers. */
    attempts: integer().notNull().default(0),
    /**
     * When a worker may (next) take the row. Claiming pushes it past the send's lease, so that other workers
     * leave the row alone while it is being sent, and take it again only if that worker died.
     */
    nextAttemptAt: at().notNull().defaultNow(),
    lastError: text(),
    sentAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.status, t.nextAttemptAt),
    check("email_outbox_status_check", inEnum(t.status, OutboxStatus)),
    check("email_outbox_attempts_check", sql`${t.attempts} >= 0`),
    check("email_outbox_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);
