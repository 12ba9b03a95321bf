import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { buildEmbeddedImage, embeddedImagePath } from "./embedded-image";
import { interventions, users } from "./schema";
import { seedDemo } from "./seed/seed";
import { defaultMigrationsFolder } from "./workspace";

let scratch: string;
let image: Blob;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "interventions-image-"));
  image = await buildEmbeddedImage(defaultMigrationsFolder());
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("the embedded database image", () => {
  it("starts an empty folder as a migrated database that already holds the demo", async () => {
    const handle = await openDatabase({ dataDir: join(scratch, "fresh"), initialImage: image });
    try {
      await handle.migrate(defaultMigrationsFolder());
      expect((await seedDemo(handle.db)).seeded).toBe(false);
      const [demoUsers] = await handle.db.select({ n: count() }).from(users);
      const [demoInterventions] = await handle.db.select({ n: count() }).from(interventions);
      expect(demoUsers?.n).toBeGreaterThan(0);
      expect(demoInterventions?.n).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });

  it("never replaces a folder that already holds a database", async () => {
    const dataDir = join(scratch, "existing");
    const first = await openDatabase({ dataDir });
    await first.migrate(defaultMigrationsFolder());
    await first.close();
    const again = await openDatabase({ dataDir, initialImage: image });
    try {
      const [demoUsers] = await again.db.select({ n: count() }).from(users);
      expect(demoUsers?.n).toBe(0);
    } finally {
      await again.close();
    }
  });

  it("is named after the migrations, so that a schema change needs a new image", async () => {
    const migrations = join(scratch, "migrations");
    await cp(defaultMigrationsFolder(), migrations, { recursive: true });
    const before = await embeddedImagePath(migrations, scratch);
    await writeFile(join(migrations, "9999_later.sql"), "select 1;");
    expect(await embeddedImagePath(migrations, scratch)).not.toBe(before);
    expect(before).toBe(await embeddedImagePath(defaultMigrationsFolder(), scratch));
  });
});
