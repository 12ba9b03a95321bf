import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // PGlite takes seconds to start and the seed hashes passwords with scrypt.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One file more than the cores: files spend much of their time waiting on the database, S3 and the job
    // engine's polling (vitest's default leaves one core idle, which on two cores means one file at a time).
    maxWorkers: availableParallelism() + 1,
  },
});
