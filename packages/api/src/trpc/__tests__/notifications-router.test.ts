import { notifications } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  type ApiTestEnv,
  createApiTestEnv,
  expectTrpcError,
  freshIntervention,
  LYCEE,
  loadSeed,
  type SeedFixture,
  TEST_NOW,
  trpcClient,
} from "../../testing";

// The bell's procedures: each actor sees and settles their own notifications, in the organization they act in.

let env: ApiTestEnv;
let seed: SeedFixture;
let consultant: ReturnType<typeof trpcClient>;
let consultantInLycee: ReturnType<typeof trpcClient>;
let viewer: ReturnType<typeof trpcClient>;
let manager: ReturnType<typeof trpcClient>;
const CONSULTANT = "consultant@safety.example";
/** The consultant's five notifications in Acme, oldest first, and the one in the Lycée. */
let acmeIds: string[];
let lyceeId: string;

const minutesAfter = (minutes: number) => new Date(TEST_NOW.getTime() - 60 * 60_000 + minutes * 60_000);

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  consultant = trpcClient(env, await env.credentialsFor(CONSULTANT, ACME));
  consultantInLycee = trpcClient(env, await env.credentialsFor(CONSULTANT, LYCEE));
  viewer = trpcClient(env, await env.credentialsFor("viewer@acme.example"));
  manager = trpcClient(env, await env.credentialsFor("manager@acme.example"));
  const interventionId = await freshIntervention(env.database.db, seed.acme, {
    type: InterventionType.preventive,
    status: InterventionStatus.scheduled,
  });
  const inserted = await env.database.db
    .insert(notifications)
    .values(
      [0, 1, 2, 3, 4].map((minute) => ({
        organizationId: seed.acme.id,
        recipientProfileId: seed.profileId(CONSULTANT, seed.acme.id),
        interventionId,
        kind: "assigned",
        title: `Notice ${minute}`,
        // Two share a date, across a page boundary: the id breaks the tie.
        createdAt: minutesAfter(minute === 3 ? 2 : minute),
      })),
    )
    .returning({ id: notifications.id, createdAt: notifications.createdAt });
  acmeIds = inserted.map((row) => row.id);
  const [elsewhere] = await env.database.db
    .insert(notifications)
    .values({
      organizationId: seed.lycee.id,
      recipientProfileId: seed.profileId(CONSULTANT, seed.lycee.id),
      kind: "assigned",
      title: "In the Lycée",
      createdAt: minutesAfter(10),
    })
    .returning({ id: notifications.id });
  lyceeId = elsewhere?.id ?? "";
});
afterAll(async () => {
  await env.close();
});

describe("notifications.list", () => {
  it("pages through the actor's notifications newest first, without gaps or repeats", async () => {
    const first = await consultant.notifications.list.query({ limit: 2 });
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await consultant.notifications.list.query({ limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((n) => n.id).sort()).toEqual([...acmeIds].sort());
    const dates = seen.map((n) => n.createdAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(seen[0]).toMatchObject({ kind: "assigned", body: null, readAt: null });
    expect(seen.at(-1)?.title).toBe("Notice 0");
  });

  it("keeps each organization's notifications to itself, and others' to them", async () => {
    const inLycee = await consultantInLycee.notifications.list.query({});
    expect(inLycee.items.map((n) => n.id)).toEqual([lyceeId]);
    expect((await viewer.notifications.list.query({})).items).toEqual([]);
  });

  it("refuses a cursor it did not give", async () => {
    await expectTrpcError(
      consultant.notifications.list.query({ cursor: "not-a-cursor" }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
  });
});

describe("notifications.markRead, unreadCount and markAllRead", () => {
  it("marks one read, once; unread ones are counted and listed apart", async () => {
    expect(await consultant.notifications.unreadCount.query()).toEqual({ count: 5 });
    const target = acmeIds[2] ?? "";
    const marked = await consultant.notifications.markRead.mutate({ id: target });
    expect(marked).toMatchObject({ id: target, readAt: TEST_NOW });
    env.setNow(new Date(TEST_NOW.getTime() + 60_000));
    try {
      const again = await consultant.notifications.markRead.mutate({ id: target });
      expect(again.readAt).toEqual(TEST_NOW);
    } finally {
      env.setNow(TEST_NOW);
    }
    expect(await consultant.notifications.unreadCount.query()).toEqual({ count: 4 });
    const unread = await consultant.notifications.list.query({ unreadOnly: true });
    expect(unread.items.map((n) => n.id)).not.toContain(target);
    expect(unread.items).toHaveLength(4);
  });

  it("does not let anyone mark another's notification, nor reveal it exists", async () => {
    for (const [client, id] of [
      [manager, acmeIds[0]],
      [consultant, lyceeId],
      [consultant, "ntf_unknown"],
    ] as const) {
      await expectTrpcError(client.notifications.markRead.mutate({ id: id ?? "" }), "NOT_FOUND", 404, "NOT_FOUND");
    }
    const [row] = await env.database.db.select().from(notifications).where(eq(notifications.id, lyceeId));
    expect(row?.readAt).toBeNull();
  });

  it("marks all of the actor's notifications read in that organization only", async () => {
    expect(await consultant.notifications.markAllRead.mutate()).toEqual({ marked: 4 });
    expect(await consultant.notifications.unreadCount.query()).toEqual({ count: 0 });
    expect(await consultantInLycee.notifications.unreadCount.query()).toEqual({ count: 1 });
    expect(await consultant.notifications.markAllRead.mutate()).toEqual({ marked: 0 });
  });

  it("needs credentials", async () => {
    await expectTrpcError(trpcClient(env).notifications.unreadCount.query(), "UNAUTHORIZED", 401, "UNAUTHENTICATED");
  });
});
