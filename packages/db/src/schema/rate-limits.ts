import { bigint, integer, pgTable, varchar } from "drizzle-orm/pg-core";

/**
 * Request budgets shared by every server process on PostgreSQL: rate-limiter-flexible's table, in its own
 * layout (one row per budget key; points used in the window, and when the window ends, in epoch ms).
 */
export const rateLimits = pgTable("rate_limits", {
  key: varchar({ length: 255 }).primaryKey(),
  points: integer().notNull().default(0),
  expire: bigint({ mode: "number" }),
});
