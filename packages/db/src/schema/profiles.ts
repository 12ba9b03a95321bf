import { ProfileRole } from "@interventions/domain";
import { sql } from "drizzle-orm";
import { check, index, pgTable, unique } from "drizzle-orm/pg-core";
import { at, createdAt, enumColumn, idColumn, inEnum, ref } from "./columns";
import { companyContacts } from "./companies";
import { organizationIdColumn } from "./organizations";
import { users } from "./users";

/** A user's membership of one organization, with one role. */
export const profiles = pgTable(
  "profiles",
  {
    id: idColumn(),
    userId: ref()
      .notNull()
      .references(() => users.id),
    organizationId: organizationIdColumn(),
    role: enumColumn(ProfileRole).notNull(),
    /** For a provider: the company contact this technician is. */
    companyContactId: ref().references(() => companyContacts.id),
    createdAt: createdAt(),
    deletedAt: at(),
  },
  (t) => [
    unique().on(t.userId, t.organizationId),
    unique("profiles_organization_id_key").on(t.organizationId, t.id),
    index().on(t.organizationId, t.role),
    check("profiles_role_check", inEnum(t.role, ProfileRole)),
    check(
      "profiles_provider_contact_check",
      sql`(${t.role} = ${sql.raw(String(ProfileRole.provider))}) = (${t.companyContactId} is not null)`,
    ),
  ],
);
