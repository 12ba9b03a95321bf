import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { CapturedQuery } from "./capture-sql";

/**
 * A pgbench script replaying the captured statements: the anomaly becomes `:aid` (a fresh one per
 * transaction, from a per-client counter), the new intervention's id is taken with `\gset` and reused,
 * every other value stays the sample's literal.
 */
export function pgbenchScript(queries: CapturedQuery[], sample: { anomalyId: number; interventionId: number }): string {
  const lines = ["\\set n :n + 1", "\\set aid :base + :client_id * :per + :n - 1"];
  for (const { text, params } of queries) {
    const sql = text.replace(/\$(\d+)/g, (_, index: string) => {
      const value = params[Number(index) - 1];
      if (value === sample.anomalyId || value === String(sample.anomalyId)) return ":aid";
      // A list of ids goes as one array literal (services/id-array.ts; the links' insert-select, one element
      // per link).
      const ids = typeof value === "string" && /^\{\d+(,\d+)*\}$/.test(value) ? value.slice(1, -1).split(",") : [];
      if (ids.length > 0 && ids.every((id) => id === String(sample.anomalyId)))
        return `array[${ids.map(() => ":aid")}]::bigint[]`;
      if (ids.length > 0 && ids.every((id) => id === String(sample.interventionId)))
        return `array[${ids.map(() => ":id")}]::bigint[]`;
      if (value === sample.interventionId || value === String(sample.interventionId)) return ":id";
      return literal(value);
    });
    const returnsNewId = /^insert into "interventions"/i.test(sql) && /returning "id"(,|\s*$)/i.test(sql);
    lines.push(returnsNewId ? `${sql} \\gset` : `${sql};`);
  }
  return `${lines.join("\n")}\n`;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

export function findPgbench(): string {
  const candidates = ["/usr/bin/pgbench", "/usr/local/bin/pgbench"];
  if (existsSync("/usr/lib/postgresql")) {
    for (const version of readdirSync("/usr/lib/postgresql"))
      candidates.push(`/usr/lib/postgresql/${version}/bin/pgbench`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error("pgbench not found: install the PostgreSQL client tools (postgresql-contrib / postgresql-client)");
  return found;
}

export interface PgbenchResult {
  clients: number;
  transactions: number;
  failed: number;
  tps: number;
  latencyMs: number;
}

/** Runs the script with prepared statements, as postgres.js sends them; tps without connection time. */
export async function runPgbench(options: {
  url: string;
  scriptPath: string;
  script: string;
  clients: number;
  perClient: number;
  anomalyBase: number;
}): Promise<PgbenchResult> {
  await writeFile(options.scriptPath, options.script);
  const args = [
    "-n",
    "-M",
    "prepared",
    "-c",
    String(options.clients),
    "-j",
    "2",
    "-t",
    String(options.perClient),
    "-D",
    "n=0",
    "-D",
    `base=${options.anomalyBase}`,
    "-D",
    `per=${options.perClient}`,
    "-f",
    options.scriptPath,
    options.url,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(findPgbench(), args, { stdio: "pipe" });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}:\n${text}`))));
  });
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? Number.NaN);
  const result = {
    clients: options.clients,
    transactions: number(/number of transactions actually processed: (\d+)/),
    failed: number(/number of failed transactions: (\d+)/) || 0,
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyMs: number(/latency average = ([\d.]+) ms/),
  };
  if (!Number.isFinite(result.tps)) throw new Error(`could not read pgbench's output:\n${output}`);
  return result;
}
