import type { LoadResult } from "./load";

export interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
  /** Correctness (always enforced) rather than speed (enforced in full size only). */
  correctness: boolean;
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => (row[index] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(" | ")} |`;
  console.info(`\n### ${title}\n`);
  console.info(line(header));
  console.info(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows) console.info(line(row));
}

export function printLoad(results: LoadResult[]): void {
  printTable(
    "REST and /health under autocannon",
    [
      "endpoint",
      "server",
      "conn",
      "requests",
      "req/s",
      "p50 ms",
      "p99 ms",
      "server CPU ms/req",
      "PG CPU ms/req",
      "errors",
    ],
    results.map((r) => [
      r.endpoint,
      r.server,
      String(r.connections),
      String(r.requests),
      fixed(r.rps),
      fixed(r.p50, 1),
      fixed(r.p99, 1),
      fixed(r.serverCpuMs ?? Number.NaN, 2),
      fixed(r.databaseCpuMs ?? Number.NaN, 2),
      String(r.errors),
    ]),
  );
  for (const failure of results.filter((r) => r.firstFailure)) {
    console.info(
      `  first failure, ${failure.server} ${failure.endpoint} ×${failure.connections}: ${failure.firstFailure}`,
    );
  }
}

export function printVerdicts(verdicts: Verdict[]): void {
  console.info("\n### Targets\n");
  for (const verdict of verdicts) {
    console.info(`${verdict.pass ? "PASS" : "FAIL"} ${verdict.target}: ${verdict.measured}`);
  }
}

export { fixed };
