import type { Locale } from "@interventions/domain";
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
    /** The dashboard's language for a member who chose none and whose browser asks for neither 'fr' nor 'en'. */
    locale: text().$type<Locale>().notNull().default("fr"),
    /** How many days before a due date an obligation is "due soon" (and its people are reminded). */
    complianceWarningDays: integer().notNull().default(30),
    createdAt: createdAt(),
  },
  (t) => [
    check("organizations_warning_days_check", sql`${t.complianceWarningDays} between 1 and 365`),
    check("organizations_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);

/** The tenant column every organization-owned table carries. */
export const organizationIdColumn = () =>
  ref()
    .notNull()
    .references(() => organizations.id);
