import { profileActor, type ServiceContext } from "@interventions/api";
import { listInterventions } from "@interventions/api/services";
import { type ApiTestEnv, createApiTestEnv, loadSeed, type SeedFixture, TEST_NOW } from "@interventions/api/testing";
import { InterventionStatus } from "@interventions/domain";
import { parse } from "csv-parse/sync";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES } from "../i18n/messages";
import { memberName } from "../lib/labels";
import { type CsvWords, interventionsCsv } from "./interventions-csv";

// The CSV export of the list, on the seeded database (PGlite, or PostgreSQL with DATABASE_URL): a BOM, the
// headers in the reader's language, the page's filters, one organization, cells a spreadsheet reads as text.

let env: ApiTestEnv;
let seed: SeedFixture;
let ctx: ServiceContext;
let lyceeCtx: ServiceContext;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  const actor = await profileActor(env.database.db, seed.userId("manager@acme.example"), seed.acme.id);
  if (!actor) throw new Error("no manager");
  ctx = { ...env.services, now: TEST_NOW, actor };
  const consultant = await profileActor(env.database.db, seed.userId("consultant@safety.example"), seed.lycee.id);
  if (!consultant) throw new Error("no consultant");
  lyceeCtx = { ...env.services, now: TEST_NOW, actor: consultant };
});

/** Every id the dashboard's list shows to that actor, page after page. */
async function listedIds(context: ServiceContext): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInterventions({ ctx: context, input: { order: "asc", limit: 100, cursor } });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids.sort((a, b) => a - b);
}
afterAll(async () => {
  await env.close();
});

function wordsIn(locale: "en" | "fr"): CsvWords {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "export" });
  const labels = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "labels" });
  const keys = [
    "number",
    "type",
    "status",
    "scheduledStart",
    "scheduledEnd",
    "actualEnd",
    "sites",
    "description",
    "assignee",
    "company",
  ] as const;
  return {
    header: keys.map((key) => t(key)),
    word: (kind, value) => labels(`${kind}.${memberName(kind, value)}` as never),
    timeZone: "Europe/Paris",
  };
}

async function download(query: Parameters<typeof interventionsCsv>[1], locale: "en" | "fr" = "en") {
  const bytes = new Uint8Array(await new Response(interventionsCsv(ctx, query, wordsIn(locale))).arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { bytes, text, rows: parse(text.slice(1)) as string[][] };
}

describe("interventionsCsv", () => {
  it("starts with the UTF-8 BOM and the headers in the reader's language, CRLF lines", async () => {
    const { bytes, text, rows } = await download({ order: "asc", limit: 500 }, "fr");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]?.slice(0, 3)).toEqual(["Numéro", "Type", "Statut"]);
    expect(text).toContain("\r\n");
  });

  it("holds every intervention the list shows, in batches, and none of another organization", async () => {
    const { rows } = await download({ order: "asc", limit: 7 });
    const ids = rows.slice(1).map((row) => Number(row[0]));
    expect(ids.sort((a, b) => a - b)).toEqual(await listedIds(ctx));
    const foreign = await listedIds(lyceeCtx);
    expect(foreign.length).toBeGreaterThan(0);
    for (const id of foreign) expect(ids).not.toContain(id);
  });

  it("respects the page's filters: status and search; names, not ids; dates in the organization's zone", async () => {
    const { rows } = await download({ order: "asc", limit: 500, status: InterventionStatus.accepted });
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) expect(row[2]).toBe("Accepted");
    for (const row of rows.slice(1)) expect(row[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const searched = await download({ order: "asc", limit: 500, q: "Benali" });
    expect(searched.rows.length).toBeGreaterThan(1);
    for (const row of searched.rows.slice(1)) expect(row.join(" ")).toContain("Benali");
    expect(searched.rows.slice(1).some((row) => row[8] === "Karim Benali")).toBe(true);
    const [first] = searched.rows.slice(1);
    expect(first?.[6]).not.toMatch(/^\d+$/);
  });
});
