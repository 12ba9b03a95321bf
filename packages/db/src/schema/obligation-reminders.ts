import { sql } from "drizzle-orm";
import { check, foreignKey, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { at, createdAt, ref } from "./columns";
import { organizationIdColumn } from "./organizations";
import { siteRules } from "./site-rules";

export const ReminderKind = { dueSoon: "dueSoon", overdue: "overdue" } as const;
export type ReminderKind = (typeof ReminderKind)[keyof typeof ReminderKind];

/**
 * The reminders already given: one per obligation occurrence (its due date) and kind. The reminder's notices
 * are written only when this row is inserted, so that any number of runs tells people once.
 */
export const obligationReminders = pgTable(
  "obligation_reminders",
  {
    organizationId: organizationIdColumn(),
    siteRuleId: ref().notNull(),
    dueAt: at().notNull(),
    kind: text().$type<ReminderKind>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.siteRuleId, t.dueAt, t.kind] }),
    foreignKey({
      name: "obligation_reminders_site_rule_fk",
      columns: [t.organizationId, t.siteRuleId],
      foreignColumns: [siteRules.organizationId, siteRules.id],
    }).onDelete("cascade"),
    check("obligation_reminders_kind_check", sql`${t.kind} in ('dueSoon', 'overdue')`),
  ],
);
