import { companyContacts, type Executor, profiles, users } from "@interventions/db";
import { assertFound, type Operation, ProfileRole, roleAllows } from "@interventions/domain";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";

// The people an intervention names: a provider's company contact, a member of the organization (a
// profile), or both; found within one organization only.

export interface ContactFacts {
  id: number;
  companyId: number;
  email: string;
  name: string;
  locale: string;
}

export interface ProfileFacts {
  id: number;
  userId: number;
  email: string;
  name: string;
  locale: string;
}

export async function findContact(db: Executor, organizationId: number, id: number): Promise<ContactFacts | undefined> {
  const [row] = await db
    .select()
    .from(companyContacts)
    .where(and(eq(companyContacts.organizationId, organizationId), eq(companyContacts.id, id)));
  return (
    row && {
      id: row.id,
      companyId: row.companyId,
      email: row.email,
      name: `${row.firstName} ${row.lastName}`,
      locale: row.locale,
    }
  );
}

async function findMember(
  db: Executor,
  organizationId: number,
  by: { profileId: number } | { userId: number } | { contactId: number },
): Promise<ProfileFacts | undefined> {
  const match =
    "profileId" in by
      ? eq(profiles.id, by.profileId)
      : "userId" in by
        ? eq(profiles.userId, by.userId)
        : eq(profiles.companyContactId, by.contactId);
  const [member] = await membersWhere(db, organizationId, match);
  return member;
}

/** The members whose role allows an operation: those who answer for it. */
export function membersAllowed(db: Executor, organizationId: number, operation: Operation): Promise<ProfileFacts[]> {
  const roles = Object.values(ProfileRole).filter((role) => roleAllows(role, operation));
  return membersWhere(db, organizationId, inArray(profiles.role, roles));
}

async function membersWhere(db: Executor, organizationId: number, match: SQL): Promise<ProfileFacts[]> {
  const rows = await db
    .select({
      id: profiles.id,
      userId: profiles.userId,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      locale: users.locale,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(eq(profiles.organizationId, organizationId), match, isNull(profiles.deletedAt)))
    .orderBy(asc(profiles.id));
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    email: row.email,
    name: `${row.firstName} ${row.lastName}`,
    locale: row.locale,
  }));
}

export const findProfile = (db: Executor, organizationId: number, profileId: number) =>
  findMember(db, organizationId, { profileId });

/** The technician's membership behind a company contact, when the contact signs in (a provider profile). */
export const findProfileOfContact = (db: Executor, organizationId: number, contactId: number) =>
  findMember(db, organizationId, { contactId });

/** The company contact a request assigns, or a 400 naming the field when there is no such contact. */
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

/** The member a request names by user id (the user-shaped API), or a 400 naming the field. */
export async function resolveUser(
  db: Executor,
  organizationId: number,
  userId: number | undefined,
  path: string,
): Promise<ProfileFacts | undefined> {
  if (userId === undefined) return undefined;
  const member = await findMember(db, organizationId, { userId });
  assertFound(path, member !== undefined, "user", userId);
  return member;
}

/** The member a request names by profile id (the profile-shaped 002), or a 400 naming the field. */
export async function resolveProfile(
  db: Executor,
  organizationId: number,
  profileId: number | undefined,
  path: string,
): Promise<ProfileFacts | undefined> {
  if (profileId === undefined) return undefined;
  const member = await findProfile(db, organizationId, profileId);
  assertFound(path, member !== undefined, "profile", profileId);
  return member;
}
