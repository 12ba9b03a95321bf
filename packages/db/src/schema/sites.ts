import { index, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, idColumn } from "./columns";
import { organizationIdColumn } from "./organizations";

/** A building an organization must keep compliant. */
export const sites = pgTable(
  "sites",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text().notNull(),
    address: text().notNull(),
    postalCode: text().notNull(),
    city: text().notNull(),
    createdAt: createdAt(),
    archivedAt: at(),
  },
  (t) => [index().on(t.organizationId, t.name)],
);
