import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // PGlite takes a few seconds to start, and the seed hashes a password with scrypt.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
