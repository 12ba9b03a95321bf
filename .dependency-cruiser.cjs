/**
 * The architecture, checked on every `pnpm lint`:
 * apps/* -> packages/api -> packages/db -> packages/domain, never the other way, no cycles, the domain free
 * of I/O so that browsers and every package can share it; inside packages/api, services know no transport
 * and transports share only the http module.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Cycles make load order fragile and layers meaningless.",
      from: {},
      to: { circular: true },
    },
    {
      name: "packages-never-import-apps",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "domain-is-the-bottom",
      severity: "error",
      comment: "The domain is pure: no database, no transport, no Node I/O.",
      from: { path: "^packages/domain/" },
      to: { path: "^packages/(?!domain/)" },
    },
    {
      name: "domain-has-no-io",
      severity: "error",
      from: { path: "^packages/domain/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "db-depends-only-on-domain",
      severity: "error",
      from: { path: "^packages/db/" },
      to: { path: "^packages/(?!(db|domain)/)" },
    },
    {
      name: "api-does-not-import-apps-or-web",
      severity: "error",
      from: { path: "^packages/api/" },
      to: { path: "^packages/(?!(api|db|domain)/)" },
    },
    {
      name: "services-know-no-transport",
      severity: "error",
      comment: "Use cases are called by every transport; they never know which one (STYLE habit 2).",
      from: { path: "^packages/api/src/services/" },
      to: { path: "^packages/api/src/(rest|trpc|http|openapi|contract|runtime)/" },
    },
    {
      name: "rest-does-not-import-other-transports",
      severity: "error",
      comment: "Transports share packages/api/src/http, never each other.",
      from: { path: "^packages/api/src/rest/" },
      to: { path: "^packages/api/src/(trpc|openapi)/" },
    },
    {
      name: "trpc-does-not-import-other-transports",
      severity: "error",
      comment: "Transports share packages/api/src/http, never each other.",
      from: { path: "^packages/api/src/trpc/" },
      to: { path: "^packages/api/src/(rest|openapi|contract)/" },
    },
    {
      name: "openapi-describes-the-contract-not-a-transport",
      severity: "error",
      from: { path: "^packages/api/src/openapi/" },
      to: { path: "^packages/api/src/(rest|trpc)/" },
    },
    {
      name: "http-is-the-bottom-of-the-transports",
      severity: "error",
      comment: "What REST, tRPC and the servers share knows nothing of them, nor of the use cases.",
      from: { path: "^packages/api/src/http/" },
      to: { path: "^packages/api/src/(?!http/)" },
    },
    {
      name: "apps-do-not-import-each-other",
      severity: "error",
      comment: "Each app is a process of its own; what two share lives in a package.",
      from: { path: "^apps/([^/]+)/" },
      to: { path: "^apps/", pathNot: "^apps/$1/" },
    },
    {
      name: "client-stands-alone",
      severity: "error",
      comment: "Partners install the client alone: at run time it needs openapi-fetch and its generated types only.",
      from: { path: "^packages/client/src/", pathNot: "/__tests__/" },
      to: { path: "^packages/(?!client/)" },
    },
    {
      name: "web-uses-the-api-not-the-database-directly",
      severity: "error",
      comment: "Pages and routes go through packages/api; only the configuration (env.ts) reads packages/db.",
      from: { path: "^apps/web/", pathNot: "^apps/web/src/env\\.ts$" },
      to: { path: "^packages/db/" },
    },
    {
      name: "nothing-imports-the-bench",
      severity: "error",
      comment: "The bench drives the packages from outside, like a client: no package may depend on it.",
      from: { path: "^(apps|packages)/", pathNot: "^packages/bench/" },
      to: { path: "^packages/bench/" },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|dist|drizzle|public)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types"],
    },
  },
};
