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
  notificationsOf,
  outboxOf,
  type SeedFixture,
  snapshot,
  trpcClient,
} from "../../testing";

// The dashboard's one assignee control: a provider contact or a member chosen there replaces whoever was
// assigned, of either kind, through the tRPC path only (the documented PATCH never clears an assignee, and its
// body refuses the field: see endpoint-update-preventive.test.ts). The training exercise's form says "Nobody" too.

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

const contactEmail = (id: number) => seed.acme.contacts.find((contact) => contact.id === id)?.email;

/** A fresh scheduled intervention of that type with that contact and member assigned (null: nobody). */
async function assigned(
  type: InterventionType,
  assignees: { contactId: number | null; profileId: number | null },
): Promise<number> {
  const id = await freshIntervention(env.database.db, seed.acme, { type, status: InterventionStatus.scheduled });
  await env.database.db
    .update(interventions)
    .set({ assignedCompanyContactId: assignees.contactId, assignedProfileId: assignees.profileId })
    .where(eq(interventions.id, id));
  return id;
}

describe("interventions.updatePreventive with replaceAssignee", () => {
  it("a member in place of a contact: one write, one event naming both, the right people told", async () => {
    const thomas = seed.acme.contactId("Thomas Girard");
    const claire = seed.profileId("admin@acme.example", seed.acme.id);
    const id = await assigned(InterventionType.preventive, { contactId: thomas, profileId: null });
    const before = await interventionRow(env.database.db, id);
    const { data } = await manager.interventions.updatePreventive.mutate({
      interventionId: id,
      assignedProfileId: claire,
      replaceAssignee: true,
      previousAssigneeNotification: { sendEmail: true, reason: "Our own team takes it." },
    });
    expect(data).toMatchObject({ id, assignedCompanyContactId: null, assignedProfileId: claire });
    const after = await interventionRow(env.database.db, id);
    expect(after).toMatchObject({ assignedCompanyContactId: null, assignedProfileId: claire });
    expect(after.version).toBe(before.version + 1);
    // The provider company stays: the check is still in its hands to hand over.
    expect(after.companyId).toBe(before.companyId);
    const events = await eventsOf(env.database.db, id);
    expect(events).toHaveLength(1);
    expect(events[0]?.changes).toEqual({
      assignedCompanyContactId: { from: thomas, to: null },
      assignedProfileId: { from: null, to: claire },
    });
    // The previous contact hears why (asked for); the new member hears of it by e-mail and in the app.
    const emails = await outboxOf(env.database.db, id);
    expect(emails.map((email) => [email.kind, email.recipientEmail])).toEqual([
      ["unassigned", contactEmail(thomas)],
      ["assigned", "admin@acme.example"],
    ]);
    expect(emails[0]?.payload).toMatchObject({ reason: "Our own team takes it." });
    const notices = await notificationsOf(env.database.db, id);
    expect(notices.map((notice) => [notice.kind, notice.recipientProfileId])).toEqual([["assigned", claire]]);
  });

  it("a contact in place of a member: the contact's company takes it; the member, not asked about, is not told", async () => {
    const claire = seed.profileId("admin@acme.example", seed.acme.id);
    const julie = seed.acme.contactId("Julie Moreau");
    const id = await assigned(InterventionType.preventive, { contactId: null, profileId: claire });
    await manager.interventions.updatePreventive.mutate({
      interventionId: id,
      assignedCompanyContactId: julie,
      replaceAssignee: true,
    });
    const after = await interventionRow(env.database.db, id);
    expect(after).toMatchObject({
      assignedCompanyContactId: julie,
      assignedProfileId: null,
      companyId: seed.acme.contacts.find((contact) => contact.id === julie)?.companyId,
    });
    const events = await eventsOf(env.database.db, id);
    expect(events).toHaveLength(1);
    expect(events[0]?.changes).toMatchObject({
      assignedCompanyContactId: { from: null, to: julie },
      assignedProfileId: { from: claire, to: null },
    });
    const emails = await outboxOf(env.database.db, id);
    expect(emails.map((email) => [email.kind, email.recipientEmail])).toEqual([["assigned", contactEmail(julie)]]);
    expect(await notificationsOf(env.database.db, id)).toEqual([]);
  });

  it("the member already assigned beside a contact, chosen: only the contact leaves", async () => {
    const thomas = seed.acme.contactId("Thomas Girard");
    const claire = seed.profileId("admin@acme.example", seed.acme.id);
    const id = await assigned(InterventionType.preventive, { contactId: thomas, profileId: claire });
    await manager.interventions.updatePreventive.mutate({
      interventionId: id,
      assignedProfileId: claire,
      replaceAssignee: true,
    });
    expect(await interventionRow(env.database.db, id)).toMatchObject({
      assignedCompanyContactId: null,
      assignedProfileId: claire,
    });
    const events = await eventsOf(env.database.db, id);
    expect(events.map((event) => event.changes)).toEqual([{ assignedCompanyContactId: { from: thomas, to: null } }]);
    // Nobody new is assigned: nobody hears of an assignment.
    expect(await outboxOf(env.database.db, id)).toEqual([]);
  });

  it("the one already assigned alone, chosen again: nothing changes and nothing is recorded", async () => {
    const julie = seed.acme.contactId("Julie Moreau");
    const id = await assigned(InterventionType.preventive, { contactId: julie, profileId: null });
    const before = await snapshot(env.database.db);
    await manager.interventions.updatePreventive.mutate({
      interventionId: id,
      assignedCompanyContactId: julie,
      replaceAssignee: true,
    });
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("refuses replaceAssignee without exactly one assignee, with unassign, another organization's member, or from a viewer, writing nothing", async () => {
    const julie = seed.acme.contactId("Julie Moreau");
    const claire = seed.profileId("admin@acme.example", seed.acme.id);
    const id = await assigned(InterventionType.preventive, { contactId: julie, profileId: null });
    const before = await snapshot(env.database.db);
    const refused = async (input: Record<string, unknown>, paths: string[]) => {
      const data = await expectTrpcError(
        manager.interventions.updatePreventive.mutate({ interventionId: id, ...input } as never),
        "BAD_REQUEST",
        400,
        "VALIDATION_FAILED",
      );
      expect(data.issues.map((issue) => issue.path)).toEqual(paths);
    };
    await refused({ replaceAssignee: true }, ["replaceAssignee"]);
    await refused({ replaceAssignee: true, assignedCompanyContactId: julie, assignedProfileId: claire }, [
      "replaceAssignee",
    ]);
    await refused({ replaceAssignee: true, unassign: true }, ["replaceAssignee"]);
    await refused({ replaceAssignee: true, unassign: true, assignedProfileId: claire }, ["unassign"]);
    await refused({ replaceAssignee: false, assignedProfileId: claire }, ["replaceAssignee"]);
    const lyceeMember = seed.profileId("admin@lycee-hugo.example", seed.lycee.id);
    await refused({ replaceAssignee: true, assignedProfileId: lyceeMember }, ["assignedProfileId"]);
    await expectTrpcError(
      viewer.interventions.updatePreventive.mutate({
        interventionId: id,
        assignedProfileId: claire,
        replaceAssignee: true,
      }),
      "FORBIDDEN",
      403,
      "FORBIDDEN",
    );
    expect(await snapshot(env.database.db)).toEqual(before);
  });
});

describe("interventions.updateTrainingExercise with the one assignee control", () => {
  it("a member in place of a contact, by their user id: one event naming both", async () => {
    const thomas = seed.acme.contactId("Thomas Girard");
    const id = await assigned(InterventionType.trainingExercise, { contactId: thomas, profileId: null });
    await manager.interventions.updateTrainingExercise.mutate({
      interventionId: id,
      assignedUserId: seed.userId("admin@acme.example"),
      replaceAssignee: true,
    });
    const claire = seed.profileId("admin@acme.example", seed.acme.id);
    expect(await interventionRow(env.database.db, id)).toMatchObject({
      assignedCompanyContactId: null,
      assignedProfileId: claire,
    });
    const events = await eventsOf(env.database.db, id);
    expect(events.map((event) => event.changes)).toEqual([
      { assignedCompanyContactId: { from: thomas, to: null }, assignedProfileId: { from: null, to: claire } },
    ]);
  });

  it("« Nobody » unassigns both kinds in one event; again, changes nothing", async () => {
    const julie = seed.acme.contactId("Julie Moreau");
    const claire = seed.profileId("admin@acme.example", seed.acme.id);
    const id = await assigned(InterventionType.trainingExercise, { contactId: julie, profileId: claire });
    const before = await interventionRow(env.database.db, id);
    await manager.interventions.updateTrainingExercise.mutate({ interventionId: id, unassign: true });
    const after = await interventionRow(env.database.db, id);
    expect(after).toMatchObject({
      assignedCompanyContactId: null,
      assignedProfileId: null,
      companyId: before.companyId,
    });
    const events = await eventsOf(env.database.db, id);
    expect(events.map((event) => event.changes)).toEqual([
      { assignedCompanyContactId: { from: julie, to: null }, assignedProfileId: { from: claire, to: null } },
    ]);
    const unchanged = await snapshot(env.database.db);
    await manager.interventions.updateTrainingExercise.mutate({ interventionId: id, unassign: true });
    expect(await snapshot(env.database.db)).toEqual(unchanged);
  });

  it("refuses unassign with an assignee, and replaceAssignee without one, writing nothing", async () => {
    const julie = seed.acme.contactId("Julie Moreau");
    const id = await assigned(InterventionType.trainingExercise, { contactId: julie, profileId: null });
    const before = await snapshot(env.database.db);
    for (const [input, path] of [
      [{ unassign: true, assignedUserId: seed.userId("admin@acme.example") }, "unassign"],
      [{ replaceAssignee: true, description: "x" }, "replaceAssignee"],
    ] as const) {
      const data = await expectTrpcError(
        manager.interventions.updateTrainingExercise.mutate({ interventionId: id, ...input }),
        "BAD_REQUEST",
        400,
        "VALIDATION_FAILED",
      );
      expect(data.issues.map((issue) => issue.path)).toEqual([path]);
    }
    expect(await snapshot(env.database.db)).toEqual(before);
  });
});
