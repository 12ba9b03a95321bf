import { resolveDataDir } from "@interventions/api/runtime";
import { env } from "../env";

/** The folder the embedded services keep their files in. */
export function dataDir(): string {
  return resolveDataDir(env);
}
