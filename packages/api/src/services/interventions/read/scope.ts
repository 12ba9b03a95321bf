import { companyContacts, interventions } from "@interventions/db";
import { ProfileRole } from "@interventions/domain";
import { and, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../context";

/**
 * The interventions an actor may see, as a condition on `interventions`: the organization's, not deleted;
 * and for a provider's technician only the work of their company (its `companyId`, or assigned to their
 * contact) or their own (assigned to their profile, or created by them), as field-service products show a
 * contractor only the work given to them. Every read that returns interventions, or data derived from
 * them, goes through it; an intervention outside it is not found, like one that does not exist.
 */
export function interventionScope(actor: Actor): SQL {
  const inOrganization = and(
    eq(interventions.organizationId, actor.organizationId),
    isNull(interventions.deletedAt),
  ) as SQL;
  if (actor.role !== ProfileRole.provider) return inOrganization;
  const contactId = actor.companyContactId;
  const theirs = or(
    eq(interventions.createdByProfileId, actor.profileId),
    eq(interventions.assignedProfileId, actor.profileId),
    contactId === null ? undefined : eq(interventions.assignedCompanyContactId, contactId),
    contactId === null
      ? undefined
      : sql`${interventions.companyId} in (select ${companyContacts.companyId} from ${companyContacts} where ${companyContacts.id} = ${contactId} and ${companyContacts.organizationId} = ${actor.organizationId})`,
  ) as SQL;
  return and(inOrganization, theirs) as SQL;
}

/**
 * Whether some intervention linked to a row is outside the actor's scope (`linked` names the link, as a
 * condition on `interventions`). `is not true`: a scope condition on NULL columns is NULL, which is not in.
 */
export function linksOutsideScope(actor: Actor, linked: SQL): SQL {
  return sql`exists (select 1 from ${interventions} where ${linked} and ${interventions.deletedAt} is null and (${interventionScope(actor)}) is not true)`;
}
