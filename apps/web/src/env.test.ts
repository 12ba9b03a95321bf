import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("env", () => {
  it("refuses a bad value with a message naming the variable", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://localhost/db");
    vi.resetModules();
    await expect(import("./env")).rejects.toThrow(/DATABASE_URL: must be a postgres/);
  });

  it("treats a blank variable as unset", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.resetModules();
    const { env } = await import("./env");
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
