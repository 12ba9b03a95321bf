import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text } from "drizzle-orm/pg-core";
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
    /** The language of the user's notices and e-mails, and of the dashboard once they chose it. */
    locale: text().notNull().default("fr"),
    /** Whether the user chose `locale` themselves: until then the dashboard follows their browser. */
    localeChosen: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
    check("users_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);
