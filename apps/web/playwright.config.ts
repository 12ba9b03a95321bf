import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// The production build (`pnpm build` first) on a fresh embedded database, seeded with the demo at start.
const port = Number(process.env.E2E_PORT ?? 3400);
// Made once by the runner; its workers load this file again and find it in the environment they inherit, so
// that a flow can read what the server wrote there (the mail worker's `.eml` files in `<DATA_DIR>/mail`).
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "interventions-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "e2e",
  // The flows share one database and change it: one at a time, in file order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // An English browser unless a flow says otherwise (the languages' flows open French and German ones).
    locale: "en-GB",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: no browser is downloaded.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `next start --experimental-next-config-strip-types --port ${port}`,
    url: `http://127.0.0.1:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // The generator's passes would add reminders under the flows' counts; it has tests of its own.
    env: { DATA_DIR: dataDir, EMBEDDED_S3_PORT: "0", NEXT_TELEMETRY_DISABLED: "1", ROUTINE_GENERATOR: "off" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
