import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The embedded database of the tests lives in a throw-away folder, never in the developer's data.
    env: { DATA_DIR: mkdtempSync(join(tmpdir(), "interventions-web-test-")) },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
