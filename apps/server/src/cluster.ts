import cluster, { type Worker } from "node:cluster";

/** How soon a worker that died is replaced, so that one failing at start does not spin the primary. */
const RESTART_DELAY_MS = 1_000;

/**
 * One server process per core: the primary forks `count` workers that share the listening port (Node's
 * cluster hands each connection to one), replaces one that dies, and stops them all on SIGTERM/SIGINT. The
 * workers are stateless: sessions, budgets and jobs live in PostgreSQL.
 */
export function superviseWorkers(count: number, log: (message: string) => void = console.info): void {
  let stopping = false;
  const fork = () => cluster.fork();
  for (let index = 0; index < count; index++) fork();
  cluster.on("exit", (worker: Worker, code, signal) => {
    if (stopping) return;
    log(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    setTimeout(fork, RESTART_DELAY_MS);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${count} workers.`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      worker.once("exit", () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
      worker.process.kill(signal);
    }
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
