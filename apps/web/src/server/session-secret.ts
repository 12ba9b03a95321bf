import { resolveSessionSecret } from "@interventions/api/runtime";
import { env } from "../env";

/** SESSION_SECRET, or a random secret kept in DATA_DIR (see the runtime for why). */
export function sessionSecret(): Promise<string> {
  return resolveSessionSecret(env);
}
