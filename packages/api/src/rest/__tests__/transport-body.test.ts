import { InterventionStatus, InterventionType } from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../../http";
import {
  ACME,
  type ApiTestEnv,
  createApiTestEnv,
  documentedCalls,
  expectProblem,
  PATHS,
  rawRequest,
  seededIntervention,
  writeCounts,
} from "../../testing";

// What the transport refuses before any service runs: media type, size, encoding, syntax, unknown fields.

let env: ApiTestEnv;
let auth: Record<string, string>;
let probePath: string;

beforeAll(async () => {
  env = await createApiTestEnv();
  const manager = await env.credentialsFor("manager@acme.example");
  auth = { authorization: manager.authorization ?? "", "x-session-token": manager["x-session-token"] ?? "" };
  probePath = PATHS.preventive(
    await seededIntervention(env.database.db, ACME, {
      type: InterventionType.preventive,
      status: InterventionStatus.scheduled,
    }),
  );
});
afterAll(async () => {
  await env.close();
});

const encoder = new TextEncoder();
const json = { "content-type": "application/json" };

/** `{}` padded with spaces to exactly `size` bytes: valid JSON an empty PATCH accepts. */
function paddedEmptyObject(size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes[0] = 0x7b;
  bytes[size - 1] = 0x7d;
  return bytes;
}

/** A body stream without a content-length, sent in 64 KiB chunks; endless when `total` is Infinity. */
function chunkedStream(total: number, onCancel?: () => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(64 * 1024, total - sent);
      const chunk = new Uint8Array(size).fill(0x20);
      if (sent === 0) chunk[0] = 0x7b;
      sent += size;
      if (sent >= total) chunk[size - 1] = 0x7d;
      controller.enqueue(chunk);
    },
    cancel: () => onCancel?.(),
  });
}

describe("media type", () => {
  it.each([
    ["text/plain", { "content-type": "text/plain" }],
    ["application/x-www-form-urlencoded", { "content-type": "application/x-www-form-urlencoded" }],
    ["multipart/form-data", { "content-type": "multipart/form-data; boundary=x" }],
    ["application/problem+json", { "content-type": "application/problem+json" }],
    ["application/jsonx", { "content-type": "application/jsonx" }],
    ["no content-type at all", {}],
  ])("%s → 415 UNSUPPORTED_MEDIA_TYPE, nothing written", async (_label, headers: Record<string, string>) => {
    const before = await writeCounts(env);
    for (const call of documentedCalls()) {
      const body = encoder.encode(JSON.stringify(call.body));
      const response = await env.rest(rawRequest(call.method, call.path, { ...auth, ...headers }, body));
      const problem = await expectProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
      expect(problem.title).toBe("Unsupported Media Type");
    }
    expect(await writeCounts(env)).toEqual(before);
  });

  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    "Application/JSON",
  ])("%s is accepted", async (contentType) => {
    const response = await env.rest(rawRequest("PATCH", probePath, { ...auth, "content-type": contentType }, "{}"));
    expect(response.status, await response.clone().text()).toBe(200);
  });
});

describe("size limit of 1 MiB", () => {
  it("exactly 1 MiB is accepted", async () => {
    const body = paddedEmptyObject(BODY_LIMIT_BYTES);
    const headers = { ...auth, ...json, "content-length": String(BODY_LIMIT_BYTES) };
    const response = await env.rest(rawRequest("PATCH", probePath, headers, body));
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it("one byte more, with a content-length header → 413 PAYLOAD_TOO_LARGE, on every path", async () => {
    const before = await writeCounts(env);
    for (const call of documentedCalls()) {
      const body = paddedEmptyObject(BODY_LIMIT_BYTES + 1);
      const headers = { ...auth, ...json, "content-length": String(BODY_LIMIT_BYTES + 1) };
      const problem = await expectProblem(
        await env.rest(rawRequest(call.method, call.path, headers, body)),
        413,
        "PAYLOAD_TOO_LARGE",
      );
      expect(problem.title).toBe("Content Too Large");
    }
    expect(await writeCounts(env)).toEqual(before);
  });

  it("one byte more, without a content-length (streamed) → 413", async () => {
    const request = rawRequest("PATCH", probePath, { ...auth, ...json }, chunkedStream(BODY_LIMIT_BYTES + 1));
    expect(request.headers.get("content-length")).toBeNull();
    await expectProblem(await env.rest(request), 413, "PAYLOAD_TOO_LARGE");
  });

  it("a streamed body of exactly 1 MiB is accepted", async () => {
    const request = rawRequest("PATCH", probePath, { ...auth, ...json }, chunkedStream(BODY_LIMIT_BYTES));
    expect((await env.rest(request)).status).toBe(200);
  });

  it("an endless stream is cut at the limit → 413, and the stream is cancelled", async () => {
    let cancelled = false;
    const stream = chunkedStream(Number.POSITIVE_INFINITY, () => {
      cancelled = true;
    });
    await expectProblem(
      await env.rest(rawRequest("PATCH", probePath, { ...auth, ...json }, stream)),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expect(cancelled).toBe(true);
  });

  it("a content-length that understates a 2 MiB body → 413", async () => {
    const headers = { ...auth, ...json, "content-length": "2" };
    const response = await env.rest(rawRequest("PATCH", probePath, headers, paddedEmptyObject(2 * BODY_LIMIT_BYTES)));
    await expectProblem(response, 413, "PAYLOAD_TOO_LARGE");
  });

  it("a content-length over the limit is refused before the body is read", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(encoder.encode("{}"));
        controller.close();
      },
    });
    const headers = { ...auth, ...json, "content-length": String(BODY_LIMIT_BYTES + 1) };
    await expectProblem(await env.rest(rawRequest("PATCH", probePath, headers, stream)), 413, "PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThanOrEqual(1);
  });
});

describe("encoding and syntax", () => {
  it.each([
    ["a truncated object", '{"description": "x"'],
    ["single quotes", "{'description': 'x'}"],
    ["a trailing comma", '{"description": "x",}'],
    ["an empty body", ""],
    ["two documents", "{} {}"],
  ])("%s → 400 MALFORMED_JSON", async (_label, text) => {
    const problem = await expectProblem(
      await env.rest(rawRequest("PATCH", probePath, { ...auth, ...json }, text)),
      400,
      "MALFORMED_JSON",
    );
    expect(problem.detail).toBe("The body is not valid JSON");
    expect(problem.errors).toBeUndefined();
  });

  it.each([
    ["a lone 0xFF byte", [0xff]],
    ["an overlong slash (C0 AF)", [0xc0, 0xaf]],
    ["an encoded surrogate (ED A0 80)", [0xed, 0xa0, 0x80]],
    ["a truncated sequence (E2 82)", [0xe2, 0x82]],
  ])("invalid UTF-8, %s inside a string → 400 MALFORMED_JSON", async (_label, bad) => {
    const body = new Uint8Array([...encoder.encode('{"description":"'), ...bad, ...encoder.encode('"}')]);
    const problem = await expectProblem(
      await env.rest(rawRequest("PATCH", probePath, { ...auth, ...json }, body)),
      400,
      "MALFORMED_JSON",
    );
    expect(problem.detail).toBe("The body is not valid UTF-8");
  });

  it("valid multi-byte UTF-8 is read as text", async () => {
    const body = encoder.encode(JSON.stringify({ description: "Bâtiment A — vérification 🧯" }));
    const response = await env.rest(rawRequest("PATCH", probePath, { ...auth, ...json }, body));
    const answer = await response.json();
    expect(response.status).toBe(200);
    expect(answer.data.description).toBe("Bâtiment A — vérification 🧯");
  });

  it.each([
    ["null", "null"],
    ["an array", "[]"],
    ["a string", '"{}"'],
    ["a number", "42"],
  ])("JSON that is not an object (%s) → 400 VALIDATION_FAILED", async (_label, text) => {
    const problem = await expectProblem(
      await env.rest(rawRequest("PATCH", probePath, { ...auth, ...json }, text)),
      400,
      "VALIDATION_FAILED",
    );
    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it("deeply nested JSON within the limit → 400, not a crash", async () => {
    const depth = 200_000;
    const text = `{"description":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const response = await env.rest(rawRequest("PATCH", probePath, { ...auth, ...json }, text));
    expect(response.status).toBe(400);
  });
});

describe("unknown fields", () => {
  const unknown: [string, Record<string, unknown>, string][] = documentedCalls().map((call) => [
    call.name,
    { ...call.body, legacyFlag: true },
    "legacyFlag",
  ]);
  const [unplanned] = documentedCalls();
  unknown.push([
    "000 nested in provider",
    { ...unplanned?.body, provider: { firstName: "K", lastName: "B", email: "k@b.fr", phone: "0600000000" } },
    "provider.phone",
  ]);

  it.each(unknown)("%s → 400 with errors naming the field, nothing written", async (name, body, path) => {
    const call = documentedCalls().find((candidate) => name.startsWith(candidate.name.slice(0, 3)));
    if (!call) throw new Error(name);
    const before = await writeCounts(env);
    const response = await env.rest(rawRequest(call.method, call.path, { ...auth, ...json }, JSON.stringify(body)));
    const problem = await expectProblem(response, 400, "VALIDATION_FAILED");
    expect(problem.errors).toEqual([{ path, message: "Unknown field" }]);
    expect(problem.detail).toBe(`${path}: Unknown field`);
    expect(await writeCounts(env)).toEqual(before);
  });
});
