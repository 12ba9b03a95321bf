import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Each command is a process of its own, started through tsx.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
