import { randomUUID } from "node:crypto";
import { companies, companyContacts, type Database, organizations, routines } from "@interventions/db";
import { type FreshObligation, freshObligation } from "./obligation-fixture";

// Organizations of their own for the generator's tests: a run over one of them plans only what the test
// put there, whatever the seed's routines hold.

export interface RoutineOrganization {
  id: number;
  slug: string;
  timeZone: string;
  /** A provider's contact the routines are assigned to. */
  contactId: number;
}

export async function freshRoutineOrganization(db: Database, timeZone = "Europe/Paris"): Promise<RoutineOrganization> {
  const slug = `routines-${randomUUID()}`;
  const [organization] = await db
    .insert(organizations)
    .values({ name: "Routines & Co", slug, timeZone })
    .returning({ id: organizations.id });
  if (!organization) throw new Error("fixture insert returned nothing");
  const [company] = await db
    .insert(companies)
    .values({ organizationId: organization.id, name: "Extincteurs du Rhône" })
    .returning({ id: companies.id });
  if (!company) throw new Error("fixture insert returned nothing");
  const [contact] = await db
    .insert(companyContacts)
    .values({
      organizationId: organization.id,
      companyId: company.id,
      firstName: "Lucie",
      lastName: "Martin",
      email: `lucie.martin+${slug}@extincteurs.example`,
      locale: "fr",
    })
    .returning({ id: companyContacts.id });
  if (!contact) throw new Error("fixture insert returned nothing");
  return { id: organization.id, slug, timeZone, contactId: contact.id };
}

export interface FreshRoutine extends FreshObligation {
  routineId: number;
}

/** A check rule on a new site of the organization, and its routine, assigned to the organization's contact. */
export async function freshRoutine(
  db: Database,
  organization: RoutineOrganization,
  plan: { periodicityMonths: number; firstDueAt: Date; leadDays?: number; assigned?: boolean },
): Promise<FreshRoutine> {
  const obligation = await freshObligation(db, organization.id, { periodicityMonths: plan.periodicityMonths });
  const [routine] = await db
    .insert(routines)
    .values({
      organizationId: organization.id,
      siteRuleId: obligation.siteRuleId,
      assignedCompanyContactId: plan.assigned === false ? null : organization.contactId,
      leadDays: plan.leadDays ?? 30,
      firstDueAt: plan.firstDueAt,
    })
    .returning({ id: routines.id });
  if (!routine) throw new Error("fixture insert returned nothing");
  return { ...obligation, routineId: routine.id };
}
