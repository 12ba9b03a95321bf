import { sql } from "drizzle-orm";
import { check, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, ref } from "./columns";

export const organizations = pgTable(
  "organizations",
  {
    id: idColumn(),
    name: text().notNull(),
    slug: text().notNull().unique(),
    /** IANA zone in which the organization's dates are shown and its obligations fall due. */
    timeZone: text().notNull().default("Europe/Paris"),
    /** How many days before a due date an obligation is "due soon" (and its people are reminded). */
    complianceWarningDays: integer().notNull().default(30),
    createdAt: createdAt(),
  },
  (t) => [check("organizations_warning_days_check", sql`${t.complianceWarningDays} between 1 and 365`)],
);

/** The tenant column every organization-owned table carries. */
export const organizationIdColumn = () =>
  ref()
    .notNull()
    .references(() => organizations.id);
