import { afterEach, describe, expect, it, vi } from "vitest";

// Each case loads the app's modules afresh, so that the configuration is parsed from that case's environment.
async function loadRoute() {
  vi.resetModules();
  const route = await import("./route");
  return { route };
}

afterEach(async () => {
  vi.unstubAllEnvs();
  const { closeRuntime } = await import("../../server/runtime");
  await closeRuntime();
});

describe("GET /health", () => {
  it("answers 200 when the configured database is reachable", async () => {
    const { route } = await loadRoute();
    const response = await route.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503, without the reason, when the database cannot be reached", async () => {
    // Nothing listens on port 1: the connection is refused at once.
    vi.stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none");
    const { route } = await loadRoute();
    const response = await route.GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable" });
  });
});
