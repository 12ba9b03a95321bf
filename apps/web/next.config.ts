import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
// Parsing the configuration here stops `next dev`, `next build` and `next start` at once on a bad value.
import "./src/env";
import { SECURITY_HEADERS } from "./src/security-headers";

// The language of each request, without i18n routing: addresses stay as they are (src/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  transpilePackages: ["@interventions/domain", "@interventions/db", "@interventions/api"],
  // PGlite loads its WebAssembly and data files from beside its own code, s3rver its XML templates:
  // neither may be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "@20minutes/s3rver"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
