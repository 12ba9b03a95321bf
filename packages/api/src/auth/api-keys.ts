import { apiClients, apiKeyPrefix, type Database, generateApiKey, hashApiKey, organizations } from "@interventions/db";
import { DomainError, ErrorCode } from "@interventions/domain";
import { and, asc, eq, isNull } from "drizzle-orm";

/** Creates an API client for an organization; the key is returned once and only its hash is stored. */
export async function createApiClient(
  db: Database,
  input: { organizationSlug: string; name: string },
  now = new Date(),
) {
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, input.organizationSlug));
  if (!organization) throw new DomainError(ErrorCode.notFound, `No organization '${input.organizationSlug}'`);
  const key = generateApiKey();
  const [client] = await db
    .insert(apiClients)
    .values({
      organizationId: organization.id,
      name: input.name,
      keyPrefix: apiKeyPrefix(key),
      keyHash: hashApiKey(key),
      createdAt: now,
    })
    .returning({ id: apiClients.id });
  if (!client) throw new Error("api client insert returned nothing");
  return { id: client.id, key };
}

/** Revokes a key at once: requests bearing it get 401 from then on. */
export async function revokeApiClient(db: Database, id: number, now = new Date()): Promise<boolean> {
  const revoked = await db
    .update(apiClients)
    .set({ revokedAt: now })
    .where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt)))
    .returning({ id: apiClients.id });
  return revoked.length === 1;
}

export async function listApiClients(db: Database) {
  return db
    .select({
      id: apiClients.id,
      organization: organizations.slug,
      name: apiClients.name,
      keyPrefix: apiClients.keyPrefix,
      createdAt: apiClients.createdAt,
      revokedAt: apiClients.revokedAt,
    })
    .from(apiClients)
    .innerJoin(organizations, eq(organizations.id, apiClients.organizationId))
    .orderBy(asc(apiClients.id));
}
