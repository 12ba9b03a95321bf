import { interventions, webhookEvents } from "@interventions/db";
import { BULK_MAX, bulkRefusalOf, InterventionStatus, InterventionType } from "@interventions/domain";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  eventsOf,
  expectTrpcError,
  freshIntervention,
  loadSeed,
  notificationsOf,
  outboxOf,
  type SeedFixture,
  seededIntervention,
  snapshot,
  TEST_NOW,
  trpcClient,
} from "../../testing";

// Acting on many interventions from the list: all or none, one history event each, each announced and told
// as one edit is, every refused row said with its reason.

const T = InterventionType;
const S = InterventionStatus;
type Client = ReturnType<typeof trpcClient>;

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Client;
let admin: Client;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = trpcClient(env, await env.credentialsFor("manager@acme.example"));
  admin = trpcClient(env, await env.credentialsFor("admin@acme.example"));
  await admin.webhooks.create.mutate({ url: "http://127.0.0.1:9/hooks" });
});
afterAll(async () => {
  await env.close();
});

const fresh = (type: InterventionType, status: InterventionStatus) =>
  freshIntervention(env.database.db, seed.acme, { type, status });
const rowsOf = (ids: number[]) =>
  env.database.db.select().from(interventions).where(inArray(interventions.id, ids)).orderBy(interventions.id);
const announced = (id: number) =>
  env.database.db.select().from(webhookEvents).where(eq(webhookEvents.interventionId, id));

describe("interventions.bulkAssign", () => {
  it("assigns a check and a drill to one contact: one history event, one notice and one webhook event each", async () => {
    const ids = [await fresh(T.preventive, S.scheduled), await fresh(T.trainingExercise, S.toSchedule)];
    const contactId = seed.acme.contactId("Nadia Lefèvre");
    const result = await manager.interventions.bulkAssign.mutate({
      interventionIds: ids,
      assignedCompanyContactId: contactId,
    });
    expect(result).toEqual({ updated: ids, unchanged: [] });
    for (const row of await rowsOf(ids)) {
      expect(row).toMatchObject({ assignedCompanyContactId: contactId, version: 2, updatedAt: TEST_NOW });
      const events = await eventsOf(env.database.db, row.id);
      expect(events.at(-1)).toMatchObject({ action: "updated", occurredAt: TEST_NOW });
      expect(Object.keys(events.at(-1)?.changes ?? {})).toContain("assignedCompanyContactId");
      expect((await announced(row.id)).map((event) => event.type)).toEqual(["intervention.updated"]);
    }
    for (const id of ids) {
      const mail = await outboxOf(env.database.db, id);
      expect(mail.filter((message) => message.kind === "assigned")).toHaveLength(1);
    }
  });

  it("assigns to a member, who is told in the app of each", async () => {
    const ids = [await fresh(T.preventive, S.toSchedule), await fresh(T.preventive, S.scheduled)];
    const profileId = seed.profileId("manager@acme.example", seed.acme.id);
    await admin.interventions.bulkAssign.mutate({ interventionIds: ids, assignedProfileId: profileId });
    for (const id of ids) {
      expect((await rowsOf([id]))[0]?.assignedProfileId).toBe(profileId);
      const told = await notificationsOf(env.database.db, id);
      expect(
        told.filter((notice) => notice.recipientProfileId === profileId && notice.kind === "assigned"),
      ).toHaveLength(1);
    }
  });

  it("puts the member chosen in place of an assigned contact, and the contact in place of a member", async () => {
    const [withContact, withMember] = [await fresh(T.preventive, S.scheduled), await fresh(T.preventive, S.scheduled)];
    const contactId = seed.acme.contactId("Nadia Lefèvre");
    const profileId = seed.profileId("manager@acme.example", seed.acme.id);
    await manager.interventions.bulkAssign.mutate({
      interventionIds: [withContact],
      assignedCompanyContactId: contactId,
    });
    await manager.interventions.bulkAssign.mutate({ interventionIds: [withMember], assignedProfileId: profileId });

    await manager.interventions.bulkAssign.mutate({ interventionIds: [withContact], assignedProfileId: profileId });
    await manager.interventions.bulkAssign.mutate({
      interventionIds: [withMember],
      assignedCompanyContactId: contactId,
    });
    const [first, second] = await rowsOf([withContact, withMember]);
    expect(first).toMatchObject({ assignedProfileId: profileId, assignedCompanyContactId: null });
    expect(second).toMatchObject({ assignedProfileId: null, assignedCompanyContactId: contactId });
  });

  it("refuses all when one row may not change, with each refused row's reason, and changes nothing", async () => {
    const editable = await fresh(T.preventive, S.scheduled);
    const accepted = await seededIntervention(env.database.db, seed.acme, { type: T.preventive, status: S.accepted });
    const repair = await seededIntervention(env.database.db, seed.acme, { type: T.curative, status: S.scheduled });
    const before = await snapshot(env.database.db);
    const error = await expectTrpcError(
      manager.interventions.bulkAssign.mutate({
        interventionIds: [editable, accepted, repair],
        assignedCompanyContactId: seed.acme.contactId("Karim Benali"),
      }),
      "CONFLICT",
      409,
      "INVALID_STATE",
    );
    expect(error.issues.map((issue) => [issue.path, bulkRefusalOf(issue.message)])).toEqual([
      ["interventionIds.1", "notEditable"],
      ["interventionIds.2", "repair"],
    ]);
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("says another organization's intervention is not found, beside its row", async () => {
    const ours = await fresh(T.preventive, S.scheduled);
    const theirs = await seededIntervention(env.database.db, seed.lycee, { type: T.preventive, status: S.scheduled });
    const before = await snapshot(env.database.db);
    const error = await expectTrpcError(
      manager.interventions.bulkAssign.mutate({
        interventionIds: [theirs, ours, 9_007_199_254_740_991],
        assignedProfileId: seed.profileId("manager@acme.example", seed.acme.id),
      }),
      "NOT_FOUND",
      404,
      "NOT_FOUND",
    );
    expect(error.issues.map((issue) => [issue.path, bulkRefusalOf(issue.message)])).toEqual([
      ["interventionIds.0", "notFound"],
      ["interventionIds.2", "notFound"],
    ]);
    expect(await snapshot(env.database.db)).toEqual(before);
  });

  it("refuses an assignee of another organization at its field", async () => {
    const ours = await fresh(T.preventive, S.scheduled);
    await expectTrpcError(
      manager.interventions.bulkAssign.mutate({
        interventionIds: [ours],
        assignedCompanyContactId: seed.lycee.contacts[0]?.id ?? 0,
      }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
  });

  it("refuses a viewer and a technician before reading anything, and more than the bound", async () => {
    const id = await fresh(T.preventive, S.scheduled);
    for (const email of ["viewer@acme.example", "technician@acme.example"]) {
      const client = trpcClient(env, await env.credentialsFor(email));
      await expectTrpcError(
        client.interventions.bulkAssign.mutate({ interventionIds: [id], assignedProfileId: 1 }),
        "FORBIDDEN",
        403,
        "FORBIDDEN",
      );
    }
    const tooMany = Array.from({ length: BULK_MAX + 1 }, (_, index) => index + 1);
    await expectTrpcError(
      manager.interventions.bulkPlan.mutate({
        interventionIds: tooMany,
        scheduledStart: "2026-12-01T08:00:00.000Z",
        scheduledEnd: "2026-12-01T10:00:00.000Z",
      }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
  });
});

describe("interventions.bulkPlan", () => {
  it("plans the selection on the same dates, one event each; what already was so records nothing", async () => {
    const ids = [await fresh(T.preventive, S.toSchedule), await fresh(T.trainingExercise, S.scheduled)];
    const dates = { scheduledStart: "2026-12-15T09:00:00.000Z", scheduledEnd: "2026-12-15T11:00:00.000Z" };
    expect(await manager.interventions.bulkPlan.mutate({ interventionIds: ids, ...dates })).toEqual({
      updated: ids,
      unchanged: [],
    });
    for (const row of await rowsOf(ids)) {
      expect(row.scheduledStart.toISOString()).toBe(dates.scheduledStart);
      expect(row.scheduledEnd.toISOString()).toBe(dates.scheduledEnd);
      expect(
        (await eventsOf(env.database.db, row.id)).filter((event) => event.occurredAt.getTime() === TEST_NOW.getTime()),
      ).toHaveLength(1);
    }
    expect(await manager.interventions.bulkPlan.mutate({ interventionIds: ids, ...dates })).toEqual({
      updated: [],
      unchanged: ids,
    });
  });

  it("refuses an end before the start, before reading a row", async () => {
    const id = await fresh(T.preventive, S.scheduled);
    await expectTrpcError(
      manager.interventions.bulkPlan.mutate({
        interventionIds: [id],
        scheduledStart: "2026-12-14T11:00:00.000Z",
        scheduledEnd: "2026-12-14T08:00:00.000Z",
      }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
  });
});
