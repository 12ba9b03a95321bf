import type { RouterInputs } from "@interventions/api/trpc";
import type { BenchConfig } from "./config";
import { siteId } from "./layout";
import { describe, explain, percentile, type SentStatement, usesIndexOnly } from "./plans";
import { managerReadCaller } from "./read-caller";

type ListInput = RouterInputs["interventions"]["list"];

export interface ListResult {
  name: string;
  depth: number;
  p50: number;
  p95: number;
  plan: string;
  usesIndex: boolean;
}

/**
 * The dashboard's list (`interventions.list`, i.e. listInterventions) for the largest organization: first
 * page and a page deep in the keyset, with and without filters. Server time is the procedure's time,
 * database round trip included; the plan is EXPLAIN ANALYZE of the statement it sent.
 */
export async function measureListQueries(url: string, config: BenchConfig, now: Date): Promise<ListResult[]> {
  let last: SentStatement | undefined;
  const { client, caller } = managerReadCaller(url, now, (statement) => {
    last = statement;
  });
  const cases: { name: string; input: ListInput }[] = [
    { name: "no filter", input: {} },
    { name: "newest first", input: { order: "desc" } },
    { name: "status = accepted", input: { status: 5 } },
    { name: "type = curative, newest first", input: { type: 2, order: "desc" } },
    { name: "one site", input: { siteId: siteId(config, 1, 3) } },
  ];
  const results: ListResult[] = [];
  try {
    for (const { name, input } of cases) {
      for (const deep of [false, true]) {
        const { cursor, depth } = deep
          ? await cursorAt(caller, input, config.listDepth)
          : { cursor: undefined, depth: 0 };
        const page = { ...input, limit: 25, ...(cursor ? { cursor } : {}) };
        const times: number[] = [];
        for (let i = 0; i < config.listIterations + 10; i += 1) {
          const started = performance.now();
          await caller.interventions.list(page);
          if (i >= 10) times.push(performance.now() - started);
        }
        const statement = last;
        if (!statement) throw new Error("the list sent no statement");
        const plan = await explain(client, statement);
        results.push({
          name: `${name}, ${deep ? `${depth} rows deep` : "first page"}`,
          depth,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          plan: describe(plan),
          usesIndex: usesIndexOnly(plan),
        });
      }
    }
  } finally {
    await client.end();
  }
  return results;
}

/** The cursor after about `depth` rows, reached page by page as a user would. */
async function cursorAt(caller: ReturnType<typeof managerReadCaller>["caller"], input: ListInput, depth: number) {
  let cursor: string | undefined;
  let skipped = 0;
  while (skipped < depth) {
    const page = await caller.interventions.list({ ...input, limit: 100, ...(cursor ? { cursor } : {}) });
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    skipped += page.items.length;
  }
  return { cursor, depth: skipped };
}
