import { index, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, idColumn } from "./columns";
import { organizationIdColumn } from "./organizations";

/** A partner integration, bound to one organization. Only a hash of its key is kept. */
export const apiClients = pgTable(
  "api_clients",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text().notNull(),
    /** The first characters of the key, shown to tell keys apart. */
    keyPrefix: text().notNull(),
    /** SHA-256 of the whole key: keys are long random strings, so a slow hash adds nothing. */
    keyHash: text().notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: at(),
    revokedAt: at(),
  },
  (t) => [index().on(t.organizationId)],
);
