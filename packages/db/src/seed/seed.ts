import type { ProfileRole } from "@interventions/domain";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { hashPassword } from "../credentials/password";
import { organizations, users } from "../schema";
import { DEMO_PASSWORD, demoUserEmail, ORGANIZATIONS, SHARED_USER } from "./catalogue";
import { seededRandom } from "./random";
import { seedInterventions } from "./seed-interventions";
import { seedOrganization } from "./seed-organization";

export interface SeedResult {
  /** false when the demo was already there: the seed then changes nothing. */
  seeded: boolean;
  organizations: { slug: string; name: string; apiKey: string; users: { email: string; role: ProfileRole }[] }[];
  password: string;
}

/**
 * Loads the demo in one transaction. It is keyed on the first organization's slug: when that exists
 * the seed does nothing, so running it twice, or on every start, changes nothing.
 */
export async function seedDemo(db: Database, options: { now?: Date } = {}): Promise<SeedResult> {
  const base = startOfDemoDay(options.now ?? new Date());
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await db.transaction(async (tx) => {
    // Serialises concurrent seeds (two app instances starting at once) on PostgreSQL.
    await tx.execute(sql`select pg_advisory_xact_lock(727274)`);
    const first = ORGANIZATIONS[0];
    if (!first) return false;
    const existing = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, first.slug));
    if (existing.length > 0) return false;

    const [shared] = await tx
      .insert(users)
      .values({
        email: SHARED_USER.email,
        passwordHash,
        firstName: SHARED_USER.firstName,
        lastName: SHARED_USER.lastName,
        locale: SHARED_USER.locale,
      })
      .returning({ id: users.id });
    if (!shared) throw new Error("user insert returned nothing");

    for (const [index, template] of ORGANIZATIONS.entries()) {
      const ctx = { tx, base, random: seededRandom(index + 1), passwordHash, sharedUserId: shared.id };
      const org = await seedOrganization(ctx, template);
      await seedInterventions(ctx, org);
    }
    return true;
  });

  return { seeded, organizations: demoCredentials(), password: DEMO_PASSWORD };
}

/** The demo's sign-in details, the same whether this run loaded the demo or found it there. */
export function demoCredentials(): SeedResult["organizations"] {
  return ORGANIZATIONS.map((template) => ({
    slug: template.slug,
    name: template.name,
    apiKey: template.apiKey,
    users: [
      ...template.users.map((person) => ({ email: demoUserEmail(template, person.role), role: person.role })),
      { email: SHARED_USER.email, role: SHARED_USER.role },
    ],
  }));
}

/** Today at 08:00 UTC: dates in the demo look like working hours and do not depend on the minute. */
function startOfDemoDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8));
}
