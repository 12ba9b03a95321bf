import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, ref } from "./columns";
import { users } from "./users";

/** A signed-in device; the session JWT names it so that it can be revoked before it expires. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ref()
      .notNull()
      .references(() => users.id),
    userAgent: text(),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
    revokedAt: at(),
  },
  (t) => [index().on(t.userId)],
);
