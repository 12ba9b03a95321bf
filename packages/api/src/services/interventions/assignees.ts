import type { Executor } from "@interventions/db";
import { assertFound } from "@interventions/domain";
import { type ContactFacts, findContact, findProfile, findProfileOfUser, type ProfileFacts } from "./references";

// An intervention is assigned to a provider's company contact, to a member of the organization, or both.

export async function resolveContact(
  db: Executor,
  organizationId: number,
  contactId: number | undefined,
): Promise<ContactFacts | undefined> {
  if (contactId === undefined) return undefined;
  const contact = await findContact(db, organizationId, contactId);
  assertFound("assignedCompanyContactId", contact !== undefined, "company contact", contactId);
  return contact;
}

/** The member behind a user id (the user-shaped API names people by user). */
export async function resolveUserProfile(
  db: Executor,
  organizationId: number,
  userId: number | undefined,
  path: string,
): Promise<ProfileFacts | undefined> {
  if (userId === undefined) return undefined;
  const profile = await findProfileOfUser(db, organizationId, userId);
  assertFound(path, profile !== undefined, "user", userId);
  return profile;
}

/** A member named by profile id (the profile-shaped API of 002). */
export async function resolveProfile(
  db: Executor,
  organizationId: number,
  profileId: number | undefined,
  path: string,
): Promise<ProfileFacts | undefined> {
  if (profileId === undefined) return undefined;
  const profile = await findProfile(db, organizationId, profileId);
  assertFound(path, profile !== undefined, "profile", profileId);
  return profile;
}
