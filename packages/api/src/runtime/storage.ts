import { join } from "node:path";
import { startEmbeddedS3 } from "../storage/embedded-s3";
import { createSignatureStorage, type S3Settings, type SignatureStorage } from "../storage/signature-storage";
import { resolveDataDir } from "./data-dir";
import type { ServerEnv } from "./env";

export interface OpenedStorage {
  storage: SignatureStorage;
  /** Stops the embedded server, when there is one. */
  close(): Promise<void>;
}

/** The configured S3, or, by default, an embedded S3-compatible server keeping objects in DATA_DIR. */
export async function openConfiguredStorage(
  env: ServerEnv,
  log: (message: string) => void = console.info,
): Promise<OpenedStorage> {
  if (env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY) {
    const settings: S3Settings = {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    };
    return { storage: createSignatureStorage(settings), close: async () => {} };
  }
  const embedded = await startEmbeddedS3({
    directory: join(resolveDataDir(env), "s3"),
    bucket: env.S3_BUCKET,
    port: env.EMBEDDED_S3_PORT,
  });
  log(`Embedded S3 server at ${embedded.settings.endpoint} (bucket ${env.S3_BUCKET}).`);
  return { storage: createSignatureStorage(embedded.settings), close: () => embedded.close() };
}
