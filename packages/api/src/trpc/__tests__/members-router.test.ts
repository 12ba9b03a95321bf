import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  dashboardClient,
  expectTrpcError,
  jsonRequest,
  loadSeed,
  type SeedFixture,
} from "../../testing";

let env: ApiTestEnv;
let seed: SeedFixture;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
});
afterAll(async () => {
  await env.close();
});

const compliance = (headers: Record<string, string>) =>
  env.rest(jsonRequest("GET", "/interventions/v2/rs/compliance", headers));

describe("members (admins only)", () => {
  it("lists the organization's members with their live sessions, and signs one out everywhere", async () => {
    const admin = await dashboardClient(env, "admin@acme.example");
    const viewerPartner = await env.credentialsFor("viewer@acme.example");
    const viewerAgain = await env.credentialsFor("viewer@acme.example");
    expect((await compliance(viewerPartner)).status).toBe(200);

    const { members } = await admin.members.list.query();
    const viewer = members.find((member) => member.email === "viewer@acme.example");
    expect(viewer).toMatchObject({ firstName: expect.any(String), liveSessions: 2, lastSignInAt: expect.any(String) });
    expect(members.map((member) => member.email)).not.toContain("manager@lycee-hugo.example");

    const { revoked } = await admin.members.revokeSessions.mutate({ userId: viewer?.userId as number });
    expect(revoked).toBe(2);
    for (const headers of [viewerPartner, viewerAgain]) expect((await compliance(headers)).status).toBe(401);
    const after = await admin.members.list.query();
    expect(after.members.find((member) => member.email === "viewer@acme.example")?.liveSessions).toBe(0);
    // Signing in again works: the password is untouched.
    expect((await compliance(await env.credentialsFor("viewer@acme.example"))).status).toBe(200);
  });

  it("is refused to managers and viewers, and knows no user of another organization", async () => {
    const manager = await dashboardClient(env, "manager@acme.example");
    await expectTrpcError(manager.members.list.query(), "FORBIDDEN", 403, "FORBIDDEN");
    await expectTrpcError(
      manager.members.revokeSessions.mutate({ userId: seed.userId("viewer@acme.example") }),
      "FORBIDDEN",
      403,
      "FORBIDDEN",
    );
    const admin = await dashboardClient(env, "admin@acme.example");
    await expectTrpcError(
      admin.members.revokeSessions.mutate({ userId: seed.userId("manager@lycee-hugo.example") }),
      "NOT_FOUND",
      404,
      "NOT_FOUND",
    );
  });
});
