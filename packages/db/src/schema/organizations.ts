import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, ref } from "./columns";

export const organizations = pgTable("organizations", {
  id: idColumn(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  /** IANA zone in which the organization's dates are shown. */
  timeZone: text().notNull().default("Europe/Paris"),
  createdAt: createdAt(),
});

/** The tenant column every organization-owned table carries. */
export const organizationIdColumn = () =>
  ref()
    .notNull()
    .references(() => organizations.id);
