import type { SignatureStorage } from "@interventions/api";
import { openConfiguredStorage } from "@interventions/api/runtime";
import { env } from "../env";

/** The configured S3, or, by default, an embedded S3-compatible server keeping objects in DATA_DIR. */
export function openSignatureStorage(): Promise<SignatureStorage> {
  return openConfiguredStorage(env);
}
