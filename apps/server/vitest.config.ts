import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // PGlite takes seconds to start and the seed hashes passwords with scrypt.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
