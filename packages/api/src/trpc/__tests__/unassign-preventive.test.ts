import { interventions } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  eventsOf,
  expectTrpcError,
  freshIntervention,
  interventionRow,
  loadSeed,
  type SeedFixture,
  snapshot,
  trpcClient,
} from "../../testing";

// The dashboard's "Nobody": a preventive check left with no assignee, through the tRPC path only (the
// documented PATCH cannot unassign, and its body refuses the field: see endpoint-update-preventive.test.ts).

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: ReturnType<typeof trpcClient>;
let viewer: ReturnType<typeof trpcClient>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = trpcClient(env, await env.credentialsFor("manager@acme.example"));
  viewer = trpcClient(env, await env.credentialsFor("viewer@acme.example"));
});
afterAll(async () => {
  await env.close();
});

/** A fresh scheduled check assigned to both a provider contact and a member. */
async function assignedCheck() {
  const id = await freshIntervention(env.database.db, seed.acme, {
    type: InterventionType.preventive,
    status: InterventionStatus.scheduled,
  });
  const contactId = seed.acme.contactId("Julie Moreau");
  const profileId = seed.profileId("manager@acme.example", seed.acme.id);
  await env.database.db
    .update(interventions)
    .set({ assignedCompanyContactId: contactId, assignedProfileId: profileId })
    .where(eq(interventions.id, id));
  return { id, contactId, profileId };
}

describe("interventions.updatePreventive with unassign", () => {
  it("clears the contact and the member in one write, with one history event naming both", async () => {
    const { id, contactId, profileId } = await assignedCheck();
    const before = await interventionRow(env.database.db, id);
    const { data } = await manager.interventions.updatePreventive.mutate({ interventionId: id, unassign: true });
    expect(data).toMatchObject({ id, assignedCompanyContactId: null, assignedProfileId: null });
    const after = await interventionRow(env.database.db, id);
    expect(after).toMatchObject({
      assignedCompanyContactId: null,
      assignedProfileId: null,
      version: before.version + 1,
    });
    // The provider company stays: the check is still theirs to take.
    expect(after.companyId).toBe(before.companyId);
    const events = await eventsOf(env.database.db, id);
    expect(events).toHaveLength(1);
    expect(events[0]?.changes).toEqual({
      assignedCompanyContactId: { from: contactId, to: null },
      assignedProfileId: { from: profileId, to: null },
    });
  });

  it("with other changes, writes them all in the same event", async () => {
    const { id } = await assignedCheck();
    await manager.interventions.updatePreventive.mutate({
      interventionId: id,
      unassign: true,
      description: "Waiting for a technician",
    });
    const events = await eventsOf(env.database.db, id);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]?.changes ?? {}).sort()).toEqual([
      "assignedCompanyContactId",
      "assignedProfileId",
      "description",
    ]);
  });

  it("an unassigned check unassigned again changes nothing and records nothing", async () => {
    const { id } = await assignedCheck();
    await manager.interventions.updatePreventive.mutate({ interventionId: id, unassign: true });
    const before = await snapshot(env.database.db);
    await manager.interventions.updatePreventive.mutate({ interventionId: id, unassign: true });
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("refuses unassign with an assignee, and a viewer's unassign, writing nothing", async () => {
    const { id, contactId } = await assignedCheck();
    const before = await snapshot(env.database.db);
    const data = await expectTrpcError(
      manager.interventions.updatePreventive.mutate({
        interventionId: id,
        unassign: true,
        assignedCompanyContactId: contactId,
      }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    expect(data.issues.map((issue) => issue.path)).toEqual(["unassign"]);
    await expectTrpcError(
      viewer.interventions.updatePreventive.mutate({ interventionId: id, unassign: true }),
      "FORBIDDEN",
      403,
      "FORBIDDEN",
    );
    expect(await snapshot(env.database.db)).toEqual(before);
  });
});
