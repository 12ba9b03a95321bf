import { users } from "@interventions/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileActor } from "../../auth/authenticate";
import { describeLocale } from "../../services/session/describe-locale";
import {
  type ApiTestEnv,
  createApiTestEnv,
  dashboardClient,
  expectTrpcError,
  loadSeed,
  type SeedFixture,
  TEST_NOW,
  trpcClient,
} from "../../testing";

// The dashboard's language: the user's choice once they made one (session.setLocale, their own row only);
// until then the browser decides, and the organization's default (describeLocale) stands behind it.

let env: ApiTestEnv;
let seed: SeedFixture;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
});
afterAll(async () => {
  await env.close();
});

const rowOf = async (email: string) =>
  (
    await env.database.db
      .select({ locale: users.locale, chosen: users.localeChosen })
      .from(users)
      .where(eq(users.email, email))
  )[0];

/** What the dashboard's pages read, as that user working in that organization. */
async function localeSettings(email: string, organizationId: number) {
  const actor = await profileActor(env.database.db, seed.userId(email), organizationId);
  if (!actor) throw new Error(`${email} is no member of ${organizationId}`);
  return describeLocale({ ctx: { ...env.services, now: TEST_NOW, actor } });
}

describe("describeLocale", () => {
  it("no choice yet: the organization's default, English at Acme and French at the Lycée", async () => {
    expect(await localeSettings("manager@acme.example", seed.acme.id)).toEqual({
      chosen: null,
      organizationDefault: "en",
      timeZone: "Europe/Paris",
    });
    expect(await localeSettings("viewer@lycee-hugo.example", seed.lycee.id)).toEqual({
      chosen: null,
      organizationDefault: "fr",
      timeZone: "Europe/Paris",
    });
  });

  it("a user of two organizations gets the default of the one they work in", async () => {
    expect((await localeSettings("consultant@safety.example", seed.lycee.id)).organizationDefault).toBe("fr");
    expect((await localeSettings("consultant@safety.example", seed.acme.id)).organizationDefault).toBe("en");
  });
});

describe("session.setLocale", () => {
  it("saves the choice on the user's own row, for every device, and for their notices", async () => {
    const technician = await dashboardClient(env, "technician@lycee-hugo.example");
    expect(await rowOf("technician@lycee-hugo.example")).toEqual({ locale: "en", chosen: false });
    expect(await technician.session.setLocale.mutate({ locale: "fr" })).toEqual({ locale: "fr" });
    expect(await rowOf("technician@lycee-hugo.example")).toEqual({ locale: "fr", chosen: true });
    expect(await localeSettings("technician@lycee-hugo.example", seed.lycee.id)).toMatchObject({
      chosen: "fr",
      organizationDefault: "fr",
    });
    // Nobody else's row moved.
    expect(await rowOf("admin@lycee-hugo.example")).toEqual({ locale: "fr", chosen: false });
    expect(await rowOf("manager@acme.example")).toEqual({ locale: "fr", chosen: false });
  });

  it("refuses a language the dashboard does not speak, and any other field, changing nothing", async () => {
    const viewer = await dashboardClient(env, "viewer@acme.example");
    for (const input of [{ locale: "de" }, { locale: "fr", userId: 1 }, {}]) {
      await expectTrpcError(viewer.session.setLocale.mutate(input as never), "BAD_REQUEST", 400, "VALIDATION_FAILED");
    }
    expect(await rowOf("viewer@acme.example")).toEqual({ locale: "en", chosen: false });
  });

  it("needs a session", async () => {
    await expectTrpcError(
      trpcClient(env, {}).session.setLocale.mutate({ locale: "en" }),
      "UNAUTHORIZED",
      401,
      "UNAUTHENTICATED",
    );
  });
});
