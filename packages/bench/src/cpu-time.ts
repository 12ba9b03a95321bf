import { readdirSync, readFileSync } from "node:fs";

/** Linux counts CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture it reports to userspace. */
const MS_PER_TICK = 10;

interface ProcessStat {
  command: string;
  groupId: number;
  cpuMs: number;
}

function readStat(pid: string): ProcessStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const open = stat.indexOf("(");
    const close = stat.lastIndexOf(")");
    // After the command: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime.
    const fields = stat.slice(close + 2).split(" ");
    return {
      command: stat.slice(open + 1, close),
      groupId: Number(fields[2]),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK,
    };
  } catch {
    return null; // Ended between the listing and the read.
  }
}

function sumCpu(match: (stat: ProcessStat) => boolean): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat && match(stat)) total += stat.cpuMs;
  }
  return total;
}

/** CPU milliseconds (user + system) spent so far by a process group: a server and what it forked. */
export const groupCpuMs = (groupId: number) => sumCpu((stat) => stat.groupId === groupId);

/**
 * CPU milliseconds spent so far by the PostgreSQL processes on this machine: the backends serving the
 * server's pool, and the background processes (WAL writer, checkpointer) that its writes keep busy.
 */
export const postgresCpuMs = () => sumCpu((stat) => stat.command === "postgres");

/** CPU spent per request by the server and by PostgreSQL between two readings. */
export function cpuPerRequest(
  before: { server: number; database: number },
  after: { server: number; database: number },
  requests: number,
) {
  return {
    serverCpuMs: (after.server - before.server) / Math.max(1, requests),
    databaseCpuMs: (after.database - before.database) / Math.max(1, requests),
  };
}
