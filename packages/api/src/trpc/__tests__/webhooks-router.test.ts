import { ProfileRole, WebhookEventType } from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../../context";
import { createWebhook } from "../../services/webhooks/create-webhook";
import {
  type ApiTestEnv,
  createApiTestEnv,
  dashboardClient,
  expectTrpcError,
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

describe("webhooks (admins only)", () => {
  it("subscribes an endpoint, shows its secret once, lists it, turns it off and on, and lists its deliveries", async () => {
    const admin = await dashboardClient(env, "admin@acme.example");
    const created = await admin.webhooks.create.mutate({
      url: "http://127.0.0.1:9/hooks",
      events: [WebhookEventType.completed, WebhookEventType.verified],
    });
    expect(created).toMatchObject({
      url: "http://127.0.0.1:9/hooks",
      events: [WebhookEventType.completed, WebhookEventType.verified],
      active: true,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
    });
    const listed = await admin.webhooks.list.query();
    expect(listed.find((webhook) => webhook.id === created.id)).toEqual({
      id: created.id,
      url: created.url,
      events: created.events,
      active: true,
      failingSince: null,
      disabledReason: null,
      createdAt: created.createdAt,
    });
    expect(JSON.stringify(listed)).not.toContain("whsec_");

    const off = await admin.webhooks.setActive.mutate({ webhookId: created.id, active: false });
    expect(off).toMatchObject({ active: false, disabledReason: "byAdmin" });
    const on = await admin.webhooks.setActive.mutate({ webhookId: created.id, active: true });
    expect(on).toMatchObject({ active: true, disabledReason: null });
    expect(await admin.webhooks.deliveries.query({ webhookId: created.id })).toEqual([]);
  });

  it("is refused to managers, and knows no subscription of another organization", async () => {
    const manager = await dashboardClient(env, "manager@acme.example");
    await expectTrpcError(manager.webhooks.list.query(), "FORBIDDEN", 403, "FORBIDDEN");
    await expectTrpcError(
      manager.webhooks.create.mutate({ url: "http://127.0.0.1:9/hooks" }),
      "FORBIDDEN",
      403,
      "FORBIDDEN",
    );
    const lyceeAdmin = await dashboardClient(env, "admin@lycee-hugo.example");
    const theirs = await lyceeAdmin.webhooks.create.mutate({ url: "http://127.0.0.1:9/lycee" });
    const admin = await dashboardClient(env, "admin@acme.example");
    await expectTrpcError(
      admin.webhooks.setActive.mutate({ webhookId: theirs.id, active: false }),
      "NOT_FOUND",
      404,
      "NOT_FOUND",
    );
    await expectTrpcError(admin.webhooks.deliveries.query({ webhookId: theirs.id }), "NOT_FOUND", 404, "NOT_FOUND");
    expect((await admin.webhooks.list.query()).map((webhook) => webhook.url)).not.toContain(theirs.url);
  });

  it("refuses an unknown event type and a repeated one, naming the field", async () => {
    const admin = await dashboardClient(env, "admin@acme.example");
    await expectTrpcError(
      admin.webhooks.create.mutate({ url: "http://127.0.0.1:9/hooks", events: ["intervention.deleted" as never] }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
    await expectTrpcError(
      admin.webhooks.create.mutate({
        url: "http://127.0.0.1:9/hooks",
        events: [WebhookEventType.created, WebhookEventType.created],
      }),
      "BAD_REQUEST",
      400,
      "VALIDATION_FAILED",
    );
  });

  it("refuses a private address where the deployment does not allow them, and writes nothing", async () => {
    const ctx: ServiceContext = {
      ...env.services,
      webhookDestinations: { allowPrivate: false },
      now: new Date(),
      actor: {
        organizationId: seed.acme.id,
        userId: seed.userId("admin@acme.example"),
        profileId: seed.profileId("admin@acme.example", seed.acme.id),
        role: ProfileRole.admin,
        companyContactId: null,
        apiClientId: null,
      },
    };
    const admin = await dashboardClient(env, "admin@acme.example");
    const before = (await admin.webhooks.list.query()).length;
    for (const url of [
      "http://169.254.169.254/",
      "http://10.0.0.1/",
      "https://169.254.169.254/",
      "https://10.0.0.1/",
    ]) {
      await expect(createWebhook({ ctx, input: { url } })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "url", message: expect.any(String) }],
      });
    }
    expect(await admin.webhooks.list.query()).toHaveLength(before);
  });
});
