import type { NextConfig } from "next";
// Parsing the configuration here stops `next dev`, `next build` and `next start` at once on a bad value.
import "./src/env";

const nextConfig: NextConfig = {
  transpilePackages: ["@interventions/domain", "@interventions/db"],
  // PGlite loads its WebAssembly and data files from beside its own code: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
};

export default nextConfig;
