import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ApiTestEnv,
  checkSiteRule,
  createApiTestEnv,
  jsonRequest,
  loadSeed,
  PATHS,
  type SeedFixture,
} from "../../testing";

// 000's presigned PUT URL, against a local S3 server that checks SigV4 signatures (s3rver).

let env: ApiTestEnv;
let seed: SeedFixture;
let technician: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  technician = await env.credentialsFor("technician@acme.example");
});
afterAll(async () => {
  await env.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Records an unplanned check declaring a signature of that type and size; its key and upload URL. */
async function declare(mimeType: string, size: number, name = "signature.img") {
  const pair = checkSiteRule(seed.acme);
  const response = await env.rest(
    jsonRequest("POST", PATHS.unplanned, technician, {
      companyId: seed.acme.technicianCompanyId,
      siteIds: [pair.siteId],
      ruleIds: [pair.ruleId],
      signature: { name, mimeType, size },
      provider: { firstName: "Karim", lastName: "Benali", email: "karim@example.fr" },
    }),
  );
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(201);
  return { key: json.data.imgSignature as string, url: json.presignedUrl as string, id: json.data.id as number };
}

function image(size: number, seedByte = 1): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: size }, (_, index) => (index * 31 + seedByte) % 256);
}

const upload = (url: string, contentType: string, body: Uint8Array<ArrayBuffer>) =>
  fetch(url, { method: "PUT", headers: { "content-type": contentType }, body });

async function download(key: string) {
  const response = await fetch(await env.storage.presignDownload(key));
  return { status: response.status, type: response.headers.get("content-type"), bytes: await response.arrayBuffer() };
}

describe("000's presigned signature upload URL", () => {
  it("points at the configured bucket and key, signs type and length, and lives 15 minutes", async () => {
    const { key, url } = await declare("image/jpeg", 2048);
    const parsed = new URL(url);
    expect(`${parsed.protocol}//${parsed.host}`).toBe(env.s3.settings.endpoint);
    expect(decodeURIComponent(parsed.pathname)).toBe(`/${env.s3.settings.bucket}/${key}`);
    expect(parsed.searchParams.get("X-Amz-Expires")).toBe("900");
    expect(parsed.searchParams.get("X-Amz-SignedHeaders")?.split(";")).toEqual(
      expect.arrayContaining(["content-type", "content-length", "host"]),
    );
  });

  it("accepts exactly the declared bytes, which read back unchanged", async () => {
    const { key, url } = await declare("image/jpeg", 1024);
    const bytes = image(1024);
    const response = await upload(url, "image/jpeg", bytes);
    expect(response.status, await response.text()).toBe(200);
    const stored = await download(key);
    expect(stored.status).toBe(200);
    expect(stored.type).toBe("image/jpeg");
    expect(new Uint8Array(stored.bytes)).toEqual(bytes);
  });

  it("names PNG and WebP objects by their type", async () => {
    const png = await declare("image/png", 16, "sig.png");
    expect(png.key).toMatch(new RegExp(`^organizations/${seed.acme.id}/interventions/${png.id}/signature-.+\\.png$`));
    expect((await upload(png.url, "image/png", image(16))).status).toBe(200);
    const webp = await declare("image/webp", 16, "sig.webp");
    expect(webp.key).toMatch(/\.webp$/);
    expect((await upload(webp.url, "image/webp", image(16))).status).toBe(200);
    expect(new Uint8Array((await download(webp.key)).bytes)).toEqual(image(16));
  });

  it("refuses another content type (403) and stores nothing", async () => {
    const { key, url } = await declare("image/jpeg", 64);
    const response = await upload(url, "image/png", image(64));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("SignatureDoesNotMatch");
    expect((await upload(url, "application/octet-stream", image(64))).status).toBe(403);
    expect((await download(key)).status).toBe(404);
  });

  it("refuses a body shorter or longer than declared (403)", async () => {
    const { key, url } = await declare("image/jpeg", 64);
    expect((await upload(url, "image/jpeg", image(63))).status).toBe(403);
    expect((await upload(url, "image/jpeg", image(65))).status).toBe(403);
    expect((await upload(url, "image/jpeg", image(5 * 1024))).status).toBe(403);
    expect((await download(key)).status).toBe(404);
  });

  it("refuses a tampered URL: another key, a longer expiry, another signature (403)", async () => {
    const first = await declare("image/jpeg", 32);
    const second = await declare("image/jpeg", 32);
    const otherKey = first.url.replace(encodeURI(first.key), encodeURI(second.key));
    expect(otherKey).not.toBe(first.url);
    expect((await upload(otherKey, "image/jpeg", image(32))).status).toBe(403);
    const renamed = first.url.replace("/signature-", "/evil-");
    expect((await upload(renamed, "image/jpeg", image(32))).status).toBe(403);
    const longer = new URL(first.url);
    longer.searchParams.set("X-Amz-Expires", "604800");
    expect((await upload(longer.toString(), "image/jpeg", image(32))).status).toBe(403);
    const forged = new URL(first.url);
    forged.searchParams.set("X-Amz-Signature", "0".repeat(64));
    expect((await upload(forged.toString(), "image/jpeg", image(32))).status).toBe(403);
    expect((await download(first.key)).status).toBe(404);
    expect((await download(second.key)).status).toBe(404);
    // The untouched URL still works: the refusals were the tampering, not the server.
    expect((await upload(first.url, "image/jpeg", image(32))).status).toBe(200);
  });

  it("is refused once 15 minutes have passed, and accepted before", async () => {
    const { key, url } = await declare("image/jpeg", 32);
    const signedAt = Date.now();
    // s3rver runs in this process: moving Date moves its clock.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(signedAt + 15 * 60_000 + 5_000);
    const late = await upload(url, "image/jpeg", image(32));
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("expired");
    vi.setSystemTime(signedAt + 14 * 60_000);
    expect((await upload(url, "image/jpeg", image(32))).status).toBe(200);
    vi.useRealTimers();
    expect(new Uint8Array((await download(key)).bytes)).toEqual(image(32));
  });
});
