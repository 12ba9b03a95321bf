import type postgres from "postgres";

// EXPLAIN ANALYZE of a statement an API call sent, and what the bench reports of it.

export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

/** A statement as drizzle handed it to postgres.js (what its logger sees). */
export interface SentStatement {
  query: string;
  params: postgres.ParameterOrJSON<never>[];
}

export async function explain(
  client: postgres.Sql,
  statement: SentStatement,
): Promise<PlanNode & { executionMs: number }> {
  const [explained] = await client.unsafe(
    `explain (analyze, buffers, format json) ${statement.query}`,
    statement.params,
  );
  const result = (explained?.["QUERY PLAN"] as { Plan: PlanNode; "Execution Time": number }[] | undefined)?.[0];
  if (!result) throw new Error("no plan");
  return { ...result.Plan, executionMs: result["Execution Time"] };
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Every table is reached through an index: no sequential scan anywhere in the plan. */
export function usesIndexOnly(plan: PlanNode): boolean {
  return nodes(plan).every((node) => node["Node Type"] !== "Seq Scan");
}

export function describe(plan: PlanNode): string {
  return nodes(plan)
    .map(
      (node) =>
        node["Node Type"] +
        (node["Index Name"] ? ` (${node["Index Name"]})` : node["Relation Name"] ? ` (${node["Relation Name"]})` : ""),
    )
    .join(" > ");
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The tables a plan reads and how (index or sequential scan), each once: for plans too long to print whole. */
export function describeScans(plan: PlanNode): string {
  const scans = nodes(plan)
    .filter((node) => node["Node Type"].endsWith("Scan") && (node["Relation Name"] || node["Index Name"]))
    .map((node) => `${node["Node Type"]} (${node["Index Name"] ?? node["Relation Name"]})`);
  return [...new Set(scans)].join(", ");
}
