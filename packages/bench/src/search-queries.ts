import type { BenchConfig } from "./config";
import { interventionRanges } from "./layout";
import { describeScans, explain, percentile, type SentStatement, usesIndexOnly } from "./plans";
import { managerReadCaller } from "./read-caller";

export interface SearchResult {
  name: string;
  found: number;
  p50: number;
  p95: number;
  plan: string;
  usesIndex: boolean;
  /** Every call of the case, for the p95 over all searches. */
  times: number[];
}

/**
 * The search box (`interventions.list` with `q`, first page, and its tabs' counts) on the largest
 * organization (organization 1): what a manager types, from a word every row holds to a number only one
 * row has. Server time, round trip included; the plan is EXPLAIN ANALYZE of the list's statement.
 */
export async function measureSearchQueries(url: string, config: BenchConfig, now: Date): Promise<SearchResult[]> {
  let last: SentStatement | undefined;
  const { client, caller } = managerReadCaller(url, now, (statement) => {
    last = statement;
  });
  const [first, lastId] = interventionRanges(config)[0] ?? [1, 1];
  const middle = Math.floor((first + lastId) / 2);
  const cases: { name: string; q: string }[] = [
    { name: "a site's name", q: `Site ${Math.min(7, config.sitesPerOrganization)} of` },
    { name: "a contact's name (half the rows)", q: "Tech2" },
    { name: "a provider company", q: "Provider 1" },
    { name: "a number (one row)", q: String(middle) },
    { name: "a word of the description, every row", q: "bench" },
    { name: "nothing matches", q: "zzqx" },
  ];
  const results: SearchResult[] = [];
  try {
    for (const { name, q } of cases) {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < config.listIterations + 5; i += 1) {
        const started = performance.now();
        const page = await caller.interventions.list({ q, limit: 25 });
        if (i >= 5) times.push(performance.now() - started);
        found = page.items.length;
      }
      const statement = last;
      if (!statement) throw new Error("the search sent no statement");
      const plan = await explain(client, statement);
      results.push({
        name: `${name}: "${q}"`,
        found,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        plan: describeScans(plan),
        usesIndex: usesIndexOnly(plan),
        times,
      });
    }
  } finally {
    await client.end();
  }
  return results;
}
