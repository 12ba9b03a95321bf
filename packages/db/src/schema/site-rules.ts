import { index, pgTable, unique } from "drizzle-orm/pg-core";
import { createdAt, idColumn, ref } from "./columns";
import { organizationIdColumn } from "./organizations";
import { rules } from "./rules";
import { sites } from "./sites";

/** A rule applied to a site: what a preventive intervention checks. */
export const siteRules = pgTable(
  "site_rules",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    siteId: ref()
      .notNull()
      .references(() => sites.id),
    ruleId: ref()
      .notNull()
      .references(() => rules.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.siteId, t.ruleId),
    // Target of the tenant-carrying foreign keys (routines, reminders): a reference cannot cross organizations.
    unique("site_rules_organization_id_key").on(t.organizationId, t.id),
    index().on(t.organizationId),
    index().on(t.ruleId),
  ],
);
