import { sql } from "drizzle-orm";
import { check, index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, idColumn, ref } from "./columns";
import { organizationIdColumn } from "./organizations";

/** A provider company that an organization hires for checks and repairs. */
export const companies = pgTable(
  "companies",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text().notNull(),
    email: text(),
    phone: text(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.organizationId, t.name)],
);

/** A person at a provider company: the technician or planner interventions are assigned to. */
export const companyContacts = pgTable(
  "company_contacts",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    companyId: ref()
      .notNull()
      .references(() => companies.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text().notNull(),
    phone: text(),
    /** The language of the e-mails this contact receives. */
    locale: text().notNull().default("fr"),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.companyId),
    index().on(t.organizationId),
    unique("company_contacts_organization_id_key").on(t.organizationId, t.id),
    check("company_contacts_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);
