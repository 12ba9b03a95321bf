/** What one run of the bench does: the full run (1M interventions) or the small, CI-sized one. */
export interface BenchConfig {
  size: "full" | "small";
  /** Correctness failures always fail the run; speed targets only fail it in full size. */
  enforceTargets: boolean;
  organizations: number;
  interventions: number;
  sitesPerOrganization: number;
  /** Open anomalies that REST create-curative requests consume, one per request. */
  curativeAnomalies: number;
  /** pgbench: clients (the target's concurrency) and transactions per client. */
  pgbenchClients: number;
  pgbenchTransactionsPerClient: number;
  /** Concurrency levels every endpoint is driven at; create-curative also at the target's. */
  connections: number[];
  targetConnections: number;
  /** Requests per load run, per server and concurrency (one connection gets fewer: it is slow). */
  requests: { lean: { single: number; many: number }; next: { single: number; many: number } };
  listIterations: number;
  listDepth: number;
  /** Requests of the CPU profiles of create-curative and verify (0: no profile). */
  profileRequests: number;
  adminUrl: string;
  databaseName: string;
}

const FULL = {
  size: "full",
  enforceTargets: true,
  organizations: 100,
  interventions: 1_000_000,
  sitesPerOrganization: 40,
  curativeAnomalies: 60_000,
  pgbenchClients: 32,
  pgbenchTransactionsPerClient: 400,
  connections: [1, 16, 64],
  targetConnections: 32,
  requests: { lean: { single: 1_000, many: 10_000 }, next: { single: 300, many: 3_000 } },
  listIterations: 200,
  listDepth: 10_000,
  profileRequests: 2_000,
} as const;

const SMALL = {
  size: "small",
  enforceTargets: false,
  organizations: 10,
  interventions: 10_000,
  sitesPerOrganization: 10,
  curativeAnomalies: 2_500,
  pgbenchClients: 32,
  pgbenchTransactionsPerClient: 20,
  connections: [1, 16, 64],
  targetConnections: 32,
  requests: { lean: { single: 20, many: 80 }, next: { single: 20, many: 80 } },
  listIterations: 30,
  listDepth: 1_000,
  profileRequests: 0,
} as const;

/** `pnpm bench` (full) or `pnpm bench --small` / BENCH_SIZE=small; PG_ADMIN_URL names the server. */
export function readConfig(argv: readonly string[], environment: NodeJS.ProcessEnv): BenchConfig {
  const small = argv.includes("--small") || environment.BENCH_SIZE === "small";
  const adminUrl = environment.PG_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const base = small ? SMALL : FULL;
  return {
    ...base,
    connections: [...base.connections],
    requests: { lean: { ...base.requests.lean }, next: { ...base.requests.next } },
    // `--profile` profiles the writes on the small dataset too (a quick look at where the CPU goes).
    profileRequests: argv.includes("--profile") && small ? 500 : base.profileRequests,
    adminUrl,
    // One database per run, so that two runs (a developer's, CI's) never meet.
    databaseName: `interventions_bench_${base.size}_${process.pid}`,
  };
}

export function databaseUrl(config: BenchConfig): string {
  const url = new URL(config.adminUrl);
  url.pathname = `/${config.databaseName}`;
  return url.toString();
}
