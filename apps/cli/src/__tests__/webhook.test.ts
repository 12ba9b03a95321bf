import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const COMMAND = fileURLToPath(new URL("../webhook.ts", import.meta.url));

// On the embedded default, in a data folder of its own, as an administrator types the commands.
describe("pnpm webhook", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "webhook-cli-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const webhook = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ["--import", "tsx", COMMAND, ...args], {
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, ...env },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("creates a subscription, shows its secret once, lists it, disables it and lists its deliveries", async () => {
    const created = await webhook([
      "create",
      "--org",
      "acme-properties",
      "--url",
      "http://127.0.0.1:9/hooks",
      "--events",
      "intervention.created,intervention.verified",
    ]);
    expect(created.code, created.stderr).toBe(0);
    const id = created.stdout.match(/Webhook (\d+) created for acme-properties/)?.[1];
    expect(id).toBeDefined();
    expect(created.stdout).toContain("intervention.created, intervention.verified");
    const secret = created.stdout.match(/whsec_[A-Za-z0-9+/]+/)?.[0];
    expect(secret).toBeDefined();

    const listed = await webhook(["list", "--org", "acme-properties"]);
    expect(listed.stdout).toContain("http://127.0.0.1:9/hooks");
    expect(listed.stdout).not.toContain(secret);

    expect((await webhook(["disable", "--id", id ?? ""])).stdout).toContain(`Webhook ${id} disabled.`);
    const deliveries = await webhook(["deliveries", "--id", id ?? ""]);
    expect(deliveries.code).toBe(0);
  }, 240_000);

  it("refuses a private address on a deployment that does not allow them, an unknown event and bad usage", async () => {
    const privateAddress = await webhook(
      ["create", "--org", "acme-properties", "--url", "https://169.254.169.254/latest"],
      { WEBHOOK_ALLOW_PRIVATE: "false" },
    );
    expect(privateAddress.code).toBe(1);
    expect(privateAddress.stderr).toMatch(
      /url: The URL's host is a private or reserved address \(169\.254\.169\.254\)/,
    );

    const unknownEvent = await webhook([
      "create",
      "--org",
      "acme-properties",
      "--url",
      "http://127.0.0.1:9/hooks",
      "--events",
      "intervention.deleted",
    ]);
    expect(unknownEvent.code).toBe(1);
    expect(unknownEvent.stderr).toMatch(/events\.0/);

    const usage = await webhook(["create", "--org", "acme-properties"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage:");
    expect((await webhook(["list", "--org", "no-such-org"])).stderr).toContain("No organization no-such-org");
  }, 240_000);
});
