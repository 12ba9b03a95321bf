import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { defaultMigrationsFolder, interventions, openDatabase, seedDemo } from "@interventions/db";
import { and, count, countDistinct, eq, isNotNull } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const COMMAND = fileURLToPath(new URL("../routines-run.ts", import.meta.url));
// Late enough that every demo routine is due: one check each to plan.
const NOW = "2028-06-01T06:00:00Z";

// Two processes on one database: PostgreSQL only (the embedded PGlite belongs to one process).
const adminUrl = process.env.DATABASE_URL;

describe.runIf(adminUrl)("pnpm routines:run", () => {
  const name = `routines_cli_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl ?? "", { max: 1, onnotice: () => {} });
  const url = new URL(adminUrl ?? "postgres://localhost/x");
  url.pathname = `/${name}`;

  beforeAll(async () => {
    await admin.unsafe(`create database "${name}"`);
    const handle = await openDatabase({ url: url.toString(), maxConnections: 2 });
    await handle.migrate(defaultMigrationsFolder());
    await seedDemo(handle.db);
    await handle.close();
  });
  afterAll(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  const routinesRun = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", COMMAND, ...args], {
      env: { ...process.env, DATABASE_URL: url.toString() },
    });
  const plannedInAll = (stdout: string) => Number(/^(\d+) in all/m.exec(stdout)?.[1]);

  it("started twice at the same moment, plans each due check once; run again, plans nothing", async () => {
    const [first, second] = await Promise.all([routinesRun("--now", NOW), routinesRun("--now", NOW)]);
    const handle = await openDatabase({ url: url.toString(), maxConnections: 1 });
    try {
      const [generated] = await handle.db
        .select({ rows: count(), routines: countDistinct(interventions.routineId) })
        .from(interventions)
        .where(and(eq(interventions.autoCreated, true), isNotNull(interventions.routineId)));
      expect(generated?.rows).toBeGreaterThan(0);
      expect(generated?.rows).toBe(generated?.routines);
      expect(plannedInAll(first.stdout) + plannedInAll(second.stdout)).toBe(generated?.rows);
    } finally {
      await handle.close();
    }
    const again = await routinesRun("--now", NOW, "--org", "acme-properties");
    expect(again.stdout).toContain("acme-properties: 0 check(s) planned");
    expect(plannedInAll(again.stdout)).toBe(0);
  });

  it("refuses a clock that is not an ISO-8601 UTC instant, and an unknown organization", async () => {
    await expect(routinesRun("--now", "tomorrow")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--now must be an ISO-8601 UTC instant"),
    });
    await expect(routinesRun("--org", "nobody-here")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no organization has the slug "nobody-here"'),
    });
  });
});
