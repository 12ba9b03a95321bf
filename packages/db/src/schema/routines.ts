import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable } from "drizzle-orm/pg-core";
import { at, createdAt, idColumn, ref } from "./columns";
import { companies } from "./companies";
import { organizationIdColumn } from "./organizations";
import { siteRules } from "./site-rules";

/** The recurring plan behind a site rule: it creates the next preventive intervention when due. */
export const routines = pgTable(
  "routines",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    siteRuleId: ref()
      .notNull()
      .references(() => siteRules.id),
    companyId: ref().references(() => companies.id),
    frequencyMonths: integer().notNull(),
    nextDueAt: at().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.organizationId, t.nextDueAt),
    index().on(t.siteRuleId),
    check("routines_frequency_check", sql`${t.frequencyMonths} between 1 and 120`),
  ],
);
