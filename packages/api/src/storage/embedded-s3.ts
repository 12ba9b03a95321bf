/// <reference path="./s3rver.d.ts" />
import { mkdir } from "node:fs/promises";
import S3rver from "@20minutes/s3rver";
import type { S3Settings } from "./signature-storage";

export interface EmbeddedS3 {
  settings: S3Settings;
  close(): Promise<void>;
}

// s3rver's built-in account: it checks signatures made with these, and refuses any other.
const LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/**
 * A local S3-compatible server that verifies SigV4 signatures, for the embedded default and the tests:
 * a presigned URL that was tampered with, or an upload of another type or size, is refused as on S3.
 */
export async function startEmbeddedS3(options: {
  directory: string;
  bucket: string;
  port?: number;
}): Promise<EmbeddedS3> {
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    allowMismatchedSignatures: false,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket }],
  });
  const { port } = await server.run();
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      region: "us-east-1",
      bucket: options.bucket,
      forcePathStyle: true,
      ...LOCAL_CREDENTIALS,
    },
    close: () => server.close(),
  };
}
