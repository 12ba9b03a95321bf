import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn } from "./columns";

export const organizations = pgTable("organizations", {
  id: idColumn(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  /** IANA zone in which the organization's dates are shown. */
  timeZone: text().notNull().default("Europe/Paris"),
  createdAt: createdAt(),
});
