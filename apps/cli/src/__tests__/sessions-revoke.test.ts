import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sessions, startDatabase, users } from "@interventions/db";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const COMMAND = fileURLToPath(new URL("../sessions-revoke.ts", import.meta.url));
const EMAIL = "manager@acme.example";

// On the embedded default, in a data folder of its own: opened by the test, then by the command, in turn.
describe("pnpm sessions:revoke", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "sessions-revoke-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const withDatabase = async <T>(use: (db: Awaited<ReturnType<typeof startDatabase>>["db"]) => Promise<T>) => {
    const handle = await startDatabase({ dataDir });
    try {
      return await use(handle.db);
    } finally {
      await handle.close();
    }
  };
  const revokeCommand = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", COMMAND, ...args], {
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
    });

  it("ends every live session of the user, and no one else's", async () => {
    const live = (userId: number) =>
      withDatabase(async (db) => {
        const [row] = await db
          .select({ n: count() })
          .from(sessions)
          .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
        return row?.n ?? 0;
      });
    const [manager, admin] = await withDatabase(async (db) => {
      const found = await db.select({ id: users.id, email: users.email }).from(users);
      const id = (email: string) => found.find((user) => user.email === email)?.id as number;
      const expiresAt = new Date(Date.now() + 3_600_000);
      const ids = [id(EMAIL), id("admin@acme.example")];
      await db.insert(sessions).values([...ids, ids[0] as number].map((userId) => ({ userId, expiresAt })));
      return ids as [number, number];
    });
    expect(await live(manager)).toBe(2);

    const { stdout } = await revokeCommand("--email", EMAIL.toUpperCase());
    expect(stdout).toContain(`2 session(s) of ${EMAIL.toUpperCase()} revoked`);
    expect(await live(manager)).toBe(0);
    expect(await live(admin)).toBe(1);
  }, 120_000);

  it("says so and exits 1 for an unknown e-mail, 2 without one", async () => {
    await expect(revokeCommand("--email", "nobody@example.com")).rejects.toMatchObject({ code: 1 });
    await expect(revokeCommand()).rejects.toMatchObject({ code: 2 });
  }, 120_000);
});
