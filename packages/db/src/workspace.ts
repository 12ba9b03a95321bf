import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The repository root, found from the working directory. Bundlers (Turbopack) rewrite
 * `import.meta.url`, so files shipped beside the code are located from the workspace instead.
 */
export function findWorkspaceRoot(from: string = process.cwd()): string {
  // Found at run time on purpose: bundlers must not trace the whole repository from here.
  let dir = resolve(/*turbopackIgnore: true*/ from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

export function defaultMigrationsFolder(): string {
  return join(findWorkspaceRoot(), "packages", "db", "drizzle");
}

/** Where the embedded database keeps its files when no folder is configured. */
export function defaultDataDir(): string {
  return join(findWorkspaceRoot(), ".data");
}
