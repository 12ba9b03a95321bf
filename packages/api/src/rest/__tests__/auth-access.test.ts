import { profiles, users } from "@interventions/db";
import { CreationStatus, InterventionStatus, InterventionType, VerificationDecision } from "@interventions/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  ACME_KEY,
  type ApiTestEnv,
  createApiTestEnv,
  documentedCalls,
  expectProblem,
  findIntervention,
  jsonRequest,
  LYCEE,
  LYCEE_KEY,
  loadSeed,
  must,
  rawRequest,
  type SeedFixture,
  seededIntervention,
  TEST_NOW,
  writeCounts,
} from "../../testing";

// Valid credentials that do not allow the request: a user outside the API key's organization, a role that
// may not write. Both are 403 (not 401), with no challenge header and nothing written.

const SCHEDULED_PREVENTIVE = { type: InterventionType.preventive, status: InterventionStatus.scheduled };

let env: ApiTestEnv;
let seed: SeedFixture;
let lyceeAdmin: Record<string, string>;
let viewer: Record<string, string>;
let technician: Record<string, string>;
let consultantAcme: Record<string, string>;
let consultantLycee: Record<string, string>;
let acmePreventive: number;
let lyceePreventive: number;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  lyceeAdmin = await env.credentialsFor("admin@lycee-hugo.example");
  viewer = await env.credentialsFor("viewer@acme.example");
  technician = await env.credentialsFor("technician@acme.example");
  consultantAcme = await env.credentialsFor("consultant@safety.example", ACME);
  consultantLycee = await env.credentialsFor("consultant@safety.example", LYCEE);
  acmePreventive = await seededIntervention(env.database.db, ACME, SCHEDULED_PREVENTIVE);
  lyceePreventive = await seededIntervention(env.database.db, LYCEE, SCHEDULED_PREVENTIVE);
});
afterAll(async () => {
  await env.close();
});

const touch = (id: number, headers: Record<string, string>) =>
  env.rest(jsonRequest("PATCH", `/interventions/v2/rs/preventive/${id}`, headers, {}));

describe.each(documentedCalls())("$name", (call) => {
  it("a member of another organization, with this organization's API key → 403", async () => {
    const before = await writeCounts(env);
    const headers = { ...lyceeAdmin, authorization: `Bearer ${ACME_KEY}` };
    const response = await env.rest(jsonRequest(call.method, call.path, headers, call.body));
    expect(response.headers.get("www-authenticate")).toBeNull();
    const problem = await expectProblem(response, 403, "FORBIDDEN");
    expect(problem.detail).toBe("This user is not a member of the API client's organization");
    expect(await writeCounts(env)).toEqual(before);
  });

  it("an authenticated viewer, with a valid body → 403 (role)", async () => {
    const before = await writeCounts(env);
    const response = await env.rest(jsonRequest(call.method, call.path, viewer, call.body));
    const problem = await expectProblem(response, 403, "FORBIDDEN");
    expect(problem.detail).toBe("Your role does not allow this operation");
    expect(await writeCounts(env)).toEqual(before);
  });
});

describe("roles and organizations", () => {
  it("a provider's technician may not use the client's rs paths (403), only the mobile path", async () => {
    const before = await writeCounts(env);
    for (const call of documentedCalls({ interventionId: acmePreventive }).slice(1)) {
      const response = await env.rest(jsonRequest(call.method, call.path, technician, call.body));
      await expectProblem(response, 403, "FORBIDDEN");
    }
    expect(await writeCounts(env)).toEqual(before);
  });

  it("the same member with each organization's key acts in that organization only", async () => {
    expect((await touch(acmePreventive, consultantAcme)).status).toBe(200);
    expect((await touch(lyceePreventive, consultantLycee)).status).toBe(200);
    await expectProblem(await touch(acmePreventive, consultantLycee), 404, "NOT_FOUND");
    await expectProblem(await touch(lyceePreventive, consultantAcme), 404, "NOT_FOUND");
  });

  it("the other organization's user is allowed with their own organization's key", async () => {
    expect((await touch(lyceePreventive, lyceeAdmin)).status).toBe(200);
    await expectProblem(await touch(acmePreventive, lyceeAdmin), 404, "NOT_FOUND");
  });

  it("a member whose profile was removed is refused with 403 while their session lives", async () => {
    const headers = await env.credentialsFor("viewer@lycee-hugo.example");
    const [user] = await env.database.db.select().from(users).where(eq(users.email, "viewer@lycee-hugo.example"));
    await env.database.db
      .update(profiles)
      .set({ deletedAt: TEST_NOW })
      .where(and(eq(profiles.userId, must(user, "user").id), eq(profiles.organizationId, seed.lycee.id)));
    const response = await env.rest(
      jsonRequest("PATCH", `/interventions/v2/rs/preventive/${lyceePreventive}`, headers, {}),
    );
    await expectProblem(response, 403, "FORBIDDEN");
  });
});

describe("header names are case-insensitive", () => {
  it("AUTHORIZATION, X-Session-Token and Content-Type are read like their lower-case names", async () => {
    const target = await findIntervention(env.database.db, ACME, {
      type: InterventionType.curative,
      status: InterventionStatus.awaitingVerification,
    });
    const manager = await env.credentialsFor("manager@acme.example");
    const headers = {
      AUTHORIZATION: manager.authorization ?? "",
      "X-Session-Token": manager["x-session-token"] ?? "",
      "Content-Type": "application/json",
    };
    const body = JSON.stringify({
      decisionComment: "Compliant, report received.",
      decision: VerificationDecision.accept,
    });
    const response = await env.rest(rawRequest("PATCH", `/interventions/v2/rs/${target.id}/verify`, headers, body));
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(200);
    expect(json.data).toMatchObject({
      id: target.id,
      status: InterventionStatus.accepted,
      decisionComment: "Compliant, report received.",
    });
  });

  it("a documented creation succeeds with the 002 document's spelling of the headers", async () => {
    const manager = await env.credentialsFor("manager@acme.example");
    const response = await env.rest(
      rawRequest(
        "POST",
        "/interventions/v2/rs/curative",
        {
          Authorization: manager.authorization ?? "",
          "X-Session-Token": manager["x-session-token"] ?? "",
          "CONTENT-TYPE": "application/json",
        },
        JSON.stringify({
          scheduledStart: "2026-12-01T12:34:56.000Z",
          scheduledEnd: "2026-12-05T14:56:23.000Z",
          anomalyIds: [seed.acme.uncoveredAnomalyId("Immeuble Saxe")],
          creationStatus: CreationStatus.toScheduled,
        }),
      ),
    );
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(201);
    expect(json.data).toMatchObject({
      type: InterventionType.curative,
      status: InterventionStatus.toSchedule,
      organizationId: seed.acme.id,
    });
  });
});

describe("the lycée key with its own members", () => {
  it("the lycée manager is allowed with the lycée key and refused (403) with acme's key", async () => {
    const manager = await env.credentialsFor("manager@lycee-hugo.example");
    expect(manager.authorization).toBe(`Bearer ${LYCEE_KEY}`);
    expect((await touch(lyceePreventive, manager)).status).toBe(200);
    await expectProblem(
      await touch(acmePreventive, { ...manager, authorization: `Bearer ${ACME_KEY}` }),
      403,
      "FORBIDDEN",
    );
  });
});
