import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, integer, pgTable, unique } from "drizzle-orm/pg-core";
import { at, createdAt, idColumn, ref, updatedAt } from "./columns";
import { companyContacts } from "./companies";
import { organizationIdColumn } from "./organizations";
import { profiles } from "./profiles";
import { siteRules } from "./site-rules";

/**
 * The recurring plan behind a check site rule: when its obligation falls due (minus the lead time), the
 * generator plans the next preventive check, once per occurrence (see interventions' routine key).
 */
export const routines = pgTable(
  "routines",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    siteRuleId: ref()
      .notNull()
      .references(() => siteRules.id),
    /** Who the generated checks are assigned to: a provider's contact, a member, both or nobody. */
    assignedCompanyContactId: ref(),
    assignedProfileId: ref(),
    /** How many days before the due date the check is planned. */
    leadDays: integer().notNull().default(30),
    /** When the first check is due, for an obligation never done yet. */
    firstDueAt: at().notNull().defaultNow(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("routines_site_rule_key").on(t.siteRuleId),
    unique("routines_organization_id_key").on(t.organizationId, t.id),
    foreignKey({
      name: "routines_site_rule_fk",
      columns: [t.organizationId, t.siteRuleId],
      foreignColumns: [siteRules.organizationId, siteRules.id],
    }),
    foreignKey({
      name: "routines_contact_fk",
      columns: [t.organizationId, t.assignedCompanyContactId],
      foreignColumns: [companyContacts.organizationId, companyContacts.id],
    }),
    foreignKey({
      name: "routines_profile_fk",
      columns: [t.organizationId, t.assignedProfileId],
      foreignColumns: [profiles.organizationId, profiles.id],
    }),
    check("routines_lead_days_check", sql`${t.leadDays} between 0 and 365`),
  ],
);
