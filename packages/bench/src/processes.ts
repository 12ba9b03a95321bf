import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A process group started by the bench, so that everything it forks is measured and stopped together. */
export interface Started {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export function start(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: "pipe" });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && signalGroup(child.pid, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** The resident memory of a process group, in bytes (Linux /proc). */
export function groupRss(groupId: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): state, ppid, pgrp, …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** Samples a group's RSS every 200 ms until stopped; the peak seen. */
export function watchPeakRss(groupId: number): { peak: () => number; stop: () => void } {
  let peak = groupRss(groupId);
  const timer = setInterval(() => {
    peak = Math.max(peak, groupRss(groupId));
  }, 200);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

/** Polls GET /health until 200; the milliseconds it took from `since`. */
export async function waitForHealth(url: string, since: number, timeoutMs: number, started: Started): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`server exited before answering:\n${started.output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no 200 on ${url}/health within ${timeoutMs} ms:\n${started.output()}`);
}
