import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SESSION_COOKIE } from "@interventions/api";
import { hashPassword } from "@interventions/db";
import postgres from "postgres";
import { type BenchConfig, databaseUrl, readConfig } from "./config";
import { makeKeys, openSessions } from "./credentials";
import { createBenchDatabase, dropBenchDatabase } from "./database";
import { generateDataset } from "./dataset";
import { freePort } from "./free-port";
import { groupRss, waitForHealth, watchPeakRss } from "./processes";
import { fixed, printTable, printVerdicts } from "./report";
import { measureSearchQueries } from "./search-queries";
import { startServer } from "./servers";

// `pnpm --filter @interventions/bench export-memory` (after `pnpm build`): one organization with 100,000
// interventions on PostgreSQL, the Next.js production server, and the CSV export of its whole list downloaded
// while the server's resident memory is sampled; also the search box's times on that organization.

const MB = 1024 * 1024;
const INTERVENTIONS = Number(process.env.EXPORT_INTERVENTIONS ?? 100_000);

async function main(): Promise<boolean> {
  const base = readConfig([], process.env);
  const config: BenchConfig = {
    ...base,
    organizations: 1,
    interventions: INTERVENTIONS,
    sitesPerOrganization: 40,
    curativeAnomalies: 10,
    pgbenchClients: 1,
    pgbenchTransactionsPerClient: 1,
    listIterations: 50,
    databaseName: `interventions_export_${process.pid}`,
  };
  const url = databaseUrl(config);
  const now = new Date();
  await createBenchDatabase(config);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const scratch = await mkdtemp(join(tmpdir(), "interventions-export-"));
  try {
    const keys = makeKeys(config);
    let step = performance.now();
    await generateDataset(sql, config, {
      now,
      passwordHash: await hashPassword("bench"),
      apiKeyHashes: keys.apiKeyHashes,
    });
    console.info(`${INTERVENTIONS} interventions generated in ${fixed((performance.now() - step) / 1000, 1)} s`);
    const [org] = await openSessions(sql, config, keys, now);
    const token = org?.manager["x-session-token"];
    if (!token) throw new Error("no session");

    const searches = await measureSearchQueries(url, config, now);
    printTable(
      `Search box on one organization of ${INTERVENTIONS} interventions, ${config.listIterations} calls each`,
      ["search", "rows", "p50 ms", "p95 ms", "scans"],
      searches.map((s) => [s.name, String(s.found), fixed(s.p50, 2), fixed(s.p95, 2), s.plan]),
    );

    const port = await freePort();
    const server = startServer("next", port, {
      DATABASE_URL: url,
      SESSION_SECRET: keys.sessionSecret,
      DATA_DIR: join(scratch, "data"),
      MAIL_WORKER: "off",
      WEBHOOK_WORKER: "off",
      ROUTINE_GENERATOR: "off",
      // The heap as apps/web's `pnpm start` caps it on PostgreSQL (scripts/start.sh); EXPORT_NODE_OPTIONS tries others.
      NODE_OPTIONS: process.env.EXPORT_NODE_OPTIONS ?? "--max-old-space-size=128 --max-semi-space-size=2",
    });
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, performance.now(), 120_000, server);
      const groupId = server.child.pid ?? 0;
      const cookie = `${SESSION_COOKIE}=${token}`;
      // A first small export compiles the route before the baseline is read.
      await (await fetch(`http://127.0.0.1:${port}/interventions/export.csv?q=zzqx`, { headers: { cookie } })).text();
      const before = groupRss(groupId);
      const rss = watchPeakRss(groupId);
      step = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/interventions/export.csv`, { headers: { cookie } });
      if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
      let bytes = 0;
      let lines = 0;
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        bytes += chunk.value.byteLength;
        for (const byte of chunk.value) if (byte === 10) lines += 1;
      }
      const seconds = (performance.now() - step) / 1000;
      rss.stop();
      const peak = Math.max(rss.peak(), groupRss(groupId));
      printTable(
        `CSV export of ${INTERVENTIONS} interventions from next start`,
        ["rows", "MB", "seconds", "rows/s", "RSS before MB", "peak RSS MB"],
        [
          [
            String(lines - 1),
            fixed(bytes / MB, 1),
            fixed(seconds, 1),
            fixed((lines - 1) / seconds),
            fixed(before / MB),
            fixed(peak / MB),
          ],
        ],
      );
      const searchP95 = Math.max(...searches.map((s) => s.p95));
      const verdicts = [
        {
          target: `the export holds every one of the ${INTERVENTIONS} interventions`,
          measured: `${lines - 1} rows`,
          pass: lines - 1 >= INTERVENTIONS,
          correctness: true,
        },
        {
          target: "server RSS while exporting ≤ 250 MB",
          measured: `peak ${fixed(peak / MB)} MB`,
          pass: peak <= 250 * MB,
          correctness: false,
        },
        {
          target: "search p95 ≤ 50 ms (worst search)",
          measured: `${fixed(searchP95, 2)} ms`,
          pass: searchP95 <= 50,
          correctness: false,
        },
      ];
      printVerdicts(verdicts);
      return verdicts.every((verdict) => verdict.pass);
    } finally {
      await server.stop();
    }
  } finally {
    await sql.end();
    await dropBenchDatabase(config);
    await rm(scratch, { recursive: true, force: true });
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
