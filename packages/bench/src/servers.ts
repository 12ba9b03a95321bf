import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findWorkspaceRoot } from "@interventions/db";
import { type Started, start } from "./processes";

export type ServerKind = "lean" | "next";

const root = findWorkspaceRoot();
const serverDir = join(root, "apps", "server");
const webDir = join(root, "apps", "web");

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...inherited } = process.env;
  return {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    EMBEDDED_S3_PORT: "0",
    // The load runs thousands of requests a minute per organization's key: its budget is not what is measured
    // (the budget's own statement is, once per request).
    RATE_LIMIT_PER_MINUTE: "1000000",
    ...extra,
  };
}

/** Starts a server on the given port: the lean one (`pnpm serve`) or the Next.js app (`next start`). */
export function startServer(
  kind: ServerKind,
  port: number,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Started {
  const environment = baseEnv({ ...env, PORT: String(port) });
  if (kind === "lean") {
    // node itself (not a pnpm wrapper): the measured process is the server, with the flags of `pnpm serve`.
    const [command, ...args] = leanServeCommand();
    if (command !== "node") throw new Error(`apps/server's start script should start node, not ${command}`);
    return start(process.execPath, [...nodeFlags, ...args], { cwd: serverDir, env: environment });
  }
  return start(
    join(webDir, "node_modules", ".bin", "next"),
    ["start", "--experimental-next-config-strip-types", "--port", String(port)],
    {
      cwd: webDir,
      env: environment,
    },
  );
}

function leanServeCommand(): string[] {
  const manifest = JSON.parse(readFileSync(join(serverDir, "package.json"), "utf8")) as { scripts: { start: string } };
  return manifest.scripts.start.split(/\s+/);
}

/** `pnpm --filter @interventions/web start`, as the README starts the app, for the cold-start figure. */
export function startAppAsDocumented(port: number, env: Record<string, string>): Started {
  return runPnpm(["--filter", "@interventions/web", "start"], baseEnv({ ...env, PORT: String(port) }));
}

/** pnpm in the repository root: the one running this bench when there is one, else the pinned version. */
function runPnpm(args: string[], env: NodeJS.ProcessEnv): Started {
  const pnpm = process.env.npm_execpath;
  if (pnpm && /pnpm/.test(pnpm)) return start(process.execPath, [pnpm, ...args], { cwd: root, env });
  return start("npx", ["--yes", "pnpm@10.34.8", ...args], { cwd: root, env });
}

/**
 * `pnpm build`, as the README has it, so that both servers and the embedded image are those of the current
 * sources; turbo makes it a cache hit when nothing changed since the last build.
 */
export async function buildAll(): Promise<void> {
  const build = runPnpm(["build"], baseEnv({ TURBO_TELEMETRY_DISABLED: "1" }));
  const code = await new Promise<number | null>((resolve) => build.child.once("exit", resolve));
  if (code !== 0) throw new Error(`pnpm build failed:\n${build.output()}`);
}
