import { type ServerEnv, serverEnvSchema } from "@interventions/api/runtime";
import { parseEnv } from "@interventions/db/config";

/** The app's whole configuration, parsed once; nothing else reads process.env. */
export type Env = ServerEnv;

export const env: Env = parseEnv(serverEnvSchema, process.env);
