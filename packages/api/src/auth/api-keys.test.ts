import { type DatabaseHandle, DEMO_PASSWORD, seedDemo } from "@interventions/db";
import { createTestDatabase, demoOrganizationId, LYCEE } from "@interventions/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, listApiClients, revokeApiClient } from "./api-keys";
import { authenticateRequest } from "./authenticate";
import { SessionTokens } from "./session-token";
import { signIn } from "./sign-in";

const NOW = new Date("2026-11-23T10:00:00Z");
let handle: DatabaseHandle;
const tokens = new SessionTokens("a-test-secret-that-is-long-enough-000");

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { now: NOW });
});
afterAll(async () => {
  await handle.close();
});

describe("API keys", () => {
  it("authenticate for their organization until revoked", async () => {
    const { id, key } = await createApiClient(handle.db, { organizationSlug: LYCEE, name: "Test partner" }, NOW);
    expect(key).toMatch(/^ivk_[A-Za-z0-9_-]{43}$/);
    const listed = (await listApiClients(handle.db)).find((client) => client.id === id);
    expect(listed).toMatchObject({ organization: LYCEE, name: "Test partner", revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key.slice(12));

    const session = await signIn(
      { db: handle.db, tokens, now: NOW, sessionTtlMs: 3_600_000 },
      { email: "manager@lycee-hugo.example", password: DEMO_PASSWORD },
    );
    const credentials = { authorization: `Bearer ${key}`, sessionToken: session.token };
    const actor = await authenticateRequest(handle.db, tokens, credentials, NOW);
    expect(actor.organizationId).toBe(await demoOrganizationId(handle.db, LYCEE));
    expect(actor.apiClientId).toBe(id);

    expect(await revokeApiClient(handle.db, id, NOW)).toBe(true);
    expect(await revokeApiClient(handle.db, id, NOW)).toBe(false);
    await expect(authenticateRequest(handle.db, tokens, credentials, NOW)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("cannot be created for an unknown organization", async () => {
    await expect(createApiClient(handle.db, { organizationSlug: "nope", name: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
