import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { formatUrl } from "@aws-sdk/core/util";
import { S3RequestPresigner } from "@aws-sdk/s3-request-presigner";
import { getEndpointFromInstructions } from "@smithy/core/endpoints";
import { HttpRequest } from "@smithy/core/protocols";

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
/** Signed, so that an upload must declare exactly the type and size that were validated. */
const UPLOAD_SIGNED_HEADERS = new Set(["content-type", "content-length"]);

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
  // Built once: getSignedUrl resolves the endpoint, clones the client's middleware and builds a signer on
  // every call (0.78 ms of CPU per URL, against 0.17 ms for the signature alone).
  const presigner = new S3RequestPresigner({ ...client.config, signingName: "s3" });
  let bucket: Promise<BucketEndpoint> | undefined;
  const objectRequest = async (method: "PUT" | "GET", key: string, headers: Record<string, string>) => {
    bucket ??= resolveBucketEndpoint(client, settings.bucket);
    const { url, signingRegion } = await bucket;
    const request = new HttpRequest({
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: `${url.pathname.replace(/\/$/, "")}/${escapeObjectKey(key)}`,
      method,
      headers,
    });
    return { request, signingRegion };
  };
  return {
    async presignUpload(key, contentType, contentLength) {
      const { request, signingRegion } = await objectRequest("PUT", key, {
        "content-type": contentType,
        "content-length": String(contentLength),
      });
      const signed = await presigner.presign(request, {
        expiresIn: UPLOAD_URL_TTL_SECONDS,
        signingRegion,
        signableHeaders: UPLOAD_SIGNED_HEADERS,
      });
      return formatUrl(signed);
    },
    async presignDownload(key) {
      const { request, signingRegion } = await objectRequest("GET", key, {});
      return formatUrl(await presigner.presign(request, { expiresIn: DOWNLOAD_URL_TTL_SECONDS, signingRegion }));
    },
  };
}

interface BucketEndpoint {
  url: URL;
  signingRegion: string | undefined;
}

/** Where the bucket's objects live (path or virtual-host style), by the client's own endpoint rules. */
async function resolveBucketEndpoint(client: S3Client, bucket: string): Promise<BucketEndpoint> {
  const endpoint = await getEndpointFromInstructions({ Bucket: bucket }, PutObjectCommand, client.config);
  const schemes = endpoint.properties?.authSchemes as { signingRegion?: string }[] | undefined;
  return { url: endpoint.url, signingRegion: schemes?.[0]?.signingRegion };
}

/** An object key in a URL path, as the SDK writes it: each segment escaped, "/" kept. */
function escapeObjectKey(key: string): string {
  return key
    .split("/")
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join("/");
}

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** The object key of an intervention's signature: under its organization, named by us, never by the client. */
export function signatureObjectKey(organizationId: number, interventionId: number, mimeType: string, unique: string) {
  return `organizations/${organizationId}/interventions/${interventionId}/signature-${unique}.${EXTENSIONS[mimeType] ?? "bin"}`;
}
