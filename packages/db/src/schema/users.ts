import { sql } from "drizzle-orm";
import { check, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./columns";

export const users = pgTable(
  "users",
  {
    id: idColumn(),
    /** Stored lower-cased so that sign-in is case-insensitive and unique. */
    email: text().notNull().unique(),
    passwordHash: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    locale: text().notNull().default("fr"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
    check("users_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);
