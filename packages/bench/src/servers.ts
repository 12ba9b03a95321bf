import { existsSync } from "node:fs";
import { join } from "node:path";
import { findWorkspaceRoot } from "@interventions/db";
import { type Started, start } from "./processes";

export type ServerKind = "lean" | "next";

const root = findWorkspaceRoot();
const apiDir = join(root, "packages", "api");
const webDir = join(root, "apps", "web");

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...inherited } = process.env;
  return { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", EMBEDDED_S3_PORT: "0", ...extra };
}

/** Starts a server on the given port: the lean one (`pnpm serve`) or the Next.js app (`next start`). */
export function startServer(kind: ServerKind, port: number, env: Record<string, string>): Started {
  const environment = baseEnv({ ...env, PORT: String(port) });
  if (kind === "lean") {
    // node itself (not a pnpm wrapper): the measured process is the server.
    return start(process.execPath, ["--import", "tsx", "src/server/main.ts"], { cwd: apiDir, env: environment });
  }
  return start(join(webDir, "node_modules", ".bin", "next"), ["start", "--port", String(port)], {
    cwd: webDir,
    env: environment,
  });
}

/** `pnpm --filter @interventions/web start`, as the README starts the app, for the cold-start figure. */
export function startAppAsDocumented(port: number, env: Record<string, string>): Started {
  const environment = baseEnv({ ...env, PORT: String(port) });
  const pnpm = process.env.npm_execpath;
  if (pnpm && /pnpm/.test(pnpm)) {
    return start(process.execPath, [pnpm, "--filter", "@interventions/web", "start"], { cwd: root, env: environment });
  }
  return start("npx", ["--yes", "pnpm@10.34.8", "--filter", "@interventions/web", "start"], {
    cwd: root,
    env: environment,
  });
}

export function nextBuildExists(): boolean {
  return existsSync(join(webDir, ".next", "BUILD_ID"));
}

/** Builds the Next.js app the way its build script does. */
export async function buildNext(): Promise<void> {
  const build = start("sh", ["-c", "node scripts/copy-vendor.mjs && node_modules/.bin/next build"], {
    cwd: webDir,
    env: baseEnv({}),
  });
  const code = await new Promise<number | null>((resolve) => build.child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed:\n${build.output()}`);
}
