import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { defaultMigrationsFolder, openDatabase, seedDemo } from "@interventions/db";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const adminUrl = process.env.DATABASE_URL;

/** The pids of the lean server's workers: the primary's children but the esbuild service tsx starts. */
function workersOf(primary: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(primary)], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, command]) => pid && command !== "esbuild")
    .map(([pid]) => Number(pid));
}

describe("WEB_CONCURRENCY", () => {
  it("above 1 is refused on the embedded database, which belongs to one process", () => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: { ...process.env, DATABASE_URL: "", WEB_CONCURRENCY: "2", PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      errors += String(chunk);
    });
    return once(child, "exit").then(([code]) => {
      expect(code).toBe(2);
      expect(errors).toContain("WEB_CONCURRENCY above 1 needs DATABASE_URL");
    });
  }, 60_000);
});

// Two workers on one port: PostgreSQL only.
describe.runIf(adminUrl)("WEB_CONCURRENCY=2 on PostgreSQL", () => {
  const name = `cluster_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl ?? "", { max: 1, onnotice: () => {} });
  const url = new URL(adminUrl ?? "postgres://localhost/x");
  url.pathname = `/${name}`;
  let primary: ChildProcess;
  let origin = "";

  beforeAll(async () => {
    await admin.unsafe(`create database "${name}"`);
    const handle = await openDatabase({ url: url.toString(), maxConnections: 2 });
    await handle.migrate(defaultMigrationsFolder());
    await seedDemo(handle.db);
    await handle.close();
    primary = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        SESSION_SECRET: randomBytes(32).toString("hex"),
        WEB_CONCURRENCY: "2",
        PORT: "0",
        HOST: "127.0.0.1",
        EMBEDDED_S3_PORT: "0",
        MAIL_WORKER: "off",
        ROUTINE_GENERATOR: "off",
        WEBHOOK_WORKER: "off",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    origin = await new Promise((resolve, reject) => {
      primary.stdout?.on("data", (chunk: Buffer) => {
        output += String(chunk);
        // Both workers listen on the port the cluster shares.
        const origins = [...output.matchAll(/listening on (http:\/\/[^\s]+) /g)].map((match) => match[1]);
        if (origins.length === 2 && origins[0]) resolve(origins[0]);
      });
      primary.once("exit", (code) => reject(new Error(`the lean server exited (${code}): ${output}`)));
    });
  }, 180_000);
  afterAll(async () => {
    primary.kill("SIGTERM");
    await once(primary, "exit");
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("serves from two worker processes on one port, replaces one that dies, and stops them all", async () => {
    const pid = primary.pid ?? 0;
    expect(workersOf(pid)).toHaveLength(2);
    for (let index = 0; index < 20; index++) expect((await fetch(`${origin}/health`)).status).toBe(200);

    const [killed] = workersOf(pid);
    process.kill(killed ?? 0, "SIGKILL");
    await expect
      .poll(() => workersOf(pid).filter((worker) => worker !== killed), { timeout: 60_000, interval: 200 })
      .toHaveLength(2);
    await expect.poll(async () => (await fetch(`${origin}/health`)).status, { timeout: 60_000 }).toBe(200);
  }, 120_000);
});
