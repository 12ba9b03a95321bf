import { defaultDataDir } from "@interventions/db";
import { env } from "../env";

/** The folder the embedded services keep their files in. */
export function dataDir(): string {
  return env.DATA_DIR ?? defaultDataDir();
}
