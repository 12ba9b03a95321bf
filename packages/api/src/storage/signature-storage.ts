import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

export interface S3Settings {
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (`host/bucket/key`): what local S3-compatible servers need. */
  forcePathStyle: boolean;
}

export const UPLOAD_URL_TTL_SECONDS = 15 * 60;
const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;

/** Where signature images go: the app hands out presigned URLs, the bytes never pass through it. */
export interface SignatureStorage {
  presignUpload(key: string, contentType: string, contentLength: number): Promise<string>;
  presignDownload(key: string): Promise<string>;
}

export function createSignatureStorage(settings: S3Settings): SignatureStorage {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Otherwise the SDK adds a CRC32 checksum the uploader cannot know in advance.
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  return {
    presignUpload: (key, contentType, contentLength) =>
      getSignedUrl(
        client,
        new PutObjectCommand({
          Bucket: settings.bucket,
          Key: key,
          ContentType: contentType,
          ContentLength: contentLength,
        }),
        {
          expiresIn: UPLOAD_URL_TTL_SECONDS,
          // Signed, so that the upload must declare exactly the type and size that were validated.
          signableHeaders: new Set(["content-type", "content-length"]),
        },
      ),
    presignDownload: (key) =>
      getSignedUrl(client, new GetObjectCommand({ Bucket: settings.bucket, Key: key }), {
        expiresIn: DOWNLOAD_URL_TTL_SECONDS,
      }),
  };
}

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** The object key of an intervention's signature: under its organization, named by us, never by the client. */
export function signatureObjectKey(organizationId: number, interventionId: number, mimeType: string, unique: string) {
  return `organizations/${organizationId}/interventions/${interventionId}/signature-${unique}.${EXTENSIONS[mimeType] ?? "bin"}`;
}
