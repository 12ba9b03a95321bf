import { defaultDataDir } from "@interventions/db";
import type { ServerEnv } from "./env";

/** The folder the embedded services keep their files in. */
export function resolveDataDir(env: Pick<ServerEnv, "DATA_DIR">): string {
  return env.DATA_DIR ?? defaultDataDir();
}
