import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { organizations, profiles, users } from "../schema";
import { ORGANIZATIONS } from "../seed/catalogue";

// The demo's organizations and people by slug and e-mail. Tests look their ids up rather than assume the
// order the seed inserted them in: rows a test file adds first, or a change to the seed, would shift them.

/** The demo's two organizations, by slug. */
export const ACME = "acme-properties";
export const LYCEE = "lycee-victor-hugo";

/** The demo's fixed API key of that organization (demo data only: the seed prints it). */
export function demoApiKey(slug: string): string {
  const organization = ORGANIZATIONS.find((template) => template.slug === slug);
  if (!organization) throw new Error(`no demo organization ${slug}`);
  return organization.apiKey;
}

export interface DemoRecords {
  organizationId(slug: string): number;
  userId(email: string): number;
  /** The membership of that user in that organization. */
  profileId(email: string, organizationId: number): number;
}

/** The value, or a failure naming what the demo lacks (rather than an `undefined` further on). */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo records: no ${what}`);
  return value;
}

/** The ids of the seeded demo, read once: call it after `seedDemo`. */
export async function loadDemoRecords(db: Database): Promise<DemoRecords> {
  const organizationRows = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations);
  const userRows = await db.select({ id: users.id, email: users.email }).from(users);
  const profileRows = await db
    .select({ id: profiles.id, userId: profiles.userId, organizationId: profiles.organizationId })
    .from(profiles);
  const organizationId = (slug: string) =>
    must(
      organizationRows.find((row) => row.slug === slug),
      `organization ${slug}`,
    ).id;
  const userId = (email: string) =>
    must(
      userRows.find((row) => row.email === email),
      `user ${email}`,
    ).id;
  const profileId = (email: string, organization: number) =>
    must(
      profileRows.find((row) => row.userId === userId(email) && row.organizationId === organization),
      `profile of ${email} in organization ${organization}`,
    ).id;
  return { organizationId, userId, profileId };
}

/** One organization's id by slug, for a test that needs nothing else. */
export async function demoOrganizationId(db: Database, slug: string): Promise<number> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return must(row, `organization ${slug}`).id;
}
