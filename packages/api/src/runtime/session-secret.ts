import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { resolveDataDir } from "./data-dir";
import type { ServerEnv } from "./env";

/**
 * SESSION_SECRET, or a random secret kept beside the embedded data, so that sessions survive a restart
 * of a single instance. Several instances must share a configured secret.
 */
export async function resolveSessionSecret(
  env: Pick<ServerEnv, "SESSION_SECRET" | "NODE_ENV" | "DATA_DIR">,
): Promise<string> {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production") {
    console.warn("SESSION_SECRET is not set: using a secret kept in DATA_DIR, valid for this instance only.");
  }
  const folder = resolveDataDir(env);
  const file = join(folder, "session-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    await mkdir(folder, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    // Two processes starting together: the first write wins and both read it back.
    await writeFile(file, secret, { mode: 0o600, flag: "wx" }).catch(async () => undefined);
    return (await readFile(file, "utf8")).trim();
  }
}
