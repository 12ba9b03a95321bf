import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { defaultMigrationsFolder, openDatabase, seedDemo } from "@interventions/db";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const KEY = "ivk_demo_acme_properties_0000000000000000000000000000";
const adminUrl = process.env.DATABASE_URL;

/** Starts a lean server process on the database; resolves with its address once it listens. */
async function startServer(url: string, secret: string): Promise<{ process: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      SESSION_SECRET: secret,
      PORT: "0",
      HOST: "127.0.0.1",
      EMBEDDED_S3_PORT: "0",
      MAIL_WORKER: "off",
      ROUTINE_GENERATOR: "off",
      RATE_LIMIT_PER_MINUTE: "600",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  // Read to the end (the server logs until it exits), resolving at the line that gives its address.
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += String(chunk);
      const origin = /listening on (http:\/\/[^\s]+) /.exec(output)?.[1];
      if (origin) resolve({ process: child, origin });
    });
    child.once("exit", (code) => reject(new Error(`the lean server exited (${code}) before listening: ${output}`)));
  });
}

// Two processes on one database: PostgreSQL only (the embedded PGlite belongs to one process).
describe.runIf(adminUrl)("two lean servers on one PostgreSQL", () => {
  const name = `shared_budget_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl ?? "", { max: 1, onnotice: () => {} });
  const url = new URL(adminUrl ?? "postgres://localhost/x");
  url.pathname = `/${name}`;
  const servers: { process: ChildProcess; origin: string }[] = [];

  beforeAll(async () => {
    await admin.unsafe(`create database "${name}"`);
    const handle = await openDatabase({ url: url.toString(), maxConnections: 2 });
    await handle.migrate(defaultMigrationsFolder());
    await seedDemo(handle.db);
    await handle.close();
    const secret = randomBytes(32).toString("hex");
    servers.push(...(await Promise.all([startServer(url.toString(), secret), startServer(url.toString(), secret)])));
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) {
      server.process.kill("SIGTERM");
      await once(server.process, "exit");
    }
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("share each API key's budget: 601 requests across both, exactly one 429 with Retry-After", async () => {
    const [first, second] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const login = await fetch(`${first.origin}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "viewer@acme.example", password: "demo-password" }),
    });
    const { token } = (await login.json()).data;
    const headers = { authorization: `Bearer ${KEY}`, "x-session-token": token };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // Ten at a time, alternating between the two processes.
    for (let sent = 0; sent < 601; sent += 10) {
      const batch = Array.from({ length: Math.min(10, 601 - sent) }, (_, index) =>
        fetch(`${(sent + index) % 2 === 0 ? first.origin : second.origin}/interventions/v2/rs/compliance?limit=1`, {
          headers,
        }),
      );
      for (const response of await Promise.all(batch)) {
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get("retry-after");
        await response.body?.cancel();
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(600);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  }, 120_000);
});
