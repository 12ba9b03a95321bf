import { interventions } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileActor } from "../../auth/authenticate";
import type { ServiceContext } from "../../context";
import {
  type ApiTestEnv,
  createApiTestEnv,
  freshIntervention,
  loadSeed,
  type SeedFixture,
  TEST_NOW,
} from "../../testing";
import { exportInterventions } from "../interventions/export-interventions";

// The rows of the CSV export: the list as filtered, with names, batch after batch, never another
// organization's.

let env: ApiTestEnv;
let seed: SeedFixture;
let ctx: ServiceContext;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  const actor = await profileActor(env.database.db, seed.userId("manager@acme.example"), seed.acme.id);
  if (!actor) throw new Error("no manager");
  ctx = { ...env.services, now: TEST_NOW, actor };
});
afterAll(async () => {
  await env.close();
});

type Query = Parameters<typeof exportInterventions>[0]["input"];
async function everything(query: Partial<Query>, limit = 5) {
  const items: Awaited<ReturnType<typeof exportInterventions>>["items"] = [];
  let cursor: string | undefined;
  do {
    const page = await exportInterventions({ ctx, input: { order: "asc", limit, ...query, cursor } });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe("exportInterventions", () => {
  it("reads every intervention of the organization once, in batches, in date order", async () => {
    const items = await everything({});
    const own = await env.database.db
      .select({ id: interventions.id })
      .from(interventions)
      .where(eq(interventions.organizationId, seed.acme.id));
    expect(items.map((item) => item.id).sort((a, b) => a - b)).toEqual(own.map((row) => row.id).sort((a, b) => a - b));
    const starts = items.map((item) => item.scheduledStart.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("names the sites, the assignee and the provider company", async () => {
    const items = await everything({ assignedCompanyContactId: seed.acme.contactId("Karim Benali") });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.assigneeName).toBe("Karim Benali");
      expect(item.companyName).toBe("Sécurité Incendie Rhône");
      expect(item.siteNames.length).toBeGreaterThan(0);
    }
  });

  it("applies the list's filters, the search included, and never another organization's", async () => {
    const accepted = await everything({ status: InterventionStatus.accepted, order: "desc" });
    expect(accepted.length).toBeGreaterThan(0);
    for (const item of accepted) expect(item.status).toBe(InterventionStatus.accepted);
    const id = await freshIntervention(env.database.db, seed.lycee, {
      type: InterventionType.preventive,
      status: InterventionStatus.scheduled,
    });
    await env.database.db
      .update(interventions)
      .set({ description: "Lycée only xyzzy" })
      .where(eq(interventions.id, id));
    expect(await everything({ q: "xyzzy" })).toEqual([]);
    expect((await everything({ q: "Gymnase" })).length).toBe(0);
    expect((await everything({ q: "Tilleuls" })).length).toBeGreaterThan(0);
  });
});
