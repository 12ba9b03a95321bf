/**
 * The architecture, checked on every `pnpm lint`:
 * apps/web -> packages/api -> packages/db -> packages/domain, never the other way, no cycles,
 * and the domain free of I/O so that browsers and every package can share it.
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
      name: "client-stands-alone",
      severity: "error",
      comment: "Partners install the client alone: at run time it needs openapi-fetch and its generated types only.",
      from: { path: "^packages/client/src/", pathNot: "/__tests__/" },
      to: { path: "^packages/(?!client/)" },
    },
    {
      name: "web-uses-the-api-not-the-database-directly",
      severity: "error",
      comment: "Pages and routes go through packages/api; only the composition root (server/, env) opens the database.",
      from: { path: "^apps/web/", pathNot: "^apps/web/src/(server/|env\\.ts$)" },
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
