import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
// With an extension, and nothing else imported from the sources: `next start` loads this file with Node's own
// type stripping (scripts/start.sh), which skips loading the SWC compiler (~1 s of every cold start).
import { SECURITY_HEADERS } from "./src/security-headers.ts";

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
