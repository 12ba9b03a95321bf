import { HttpErrorCode, HttpProblem } from "./problem";

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The request's JSON body, refused early when it is not JSON, too large, or not valid UTF-8 JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new HttpProblem(415, HttpErrorCode.unsupportedMediaType, "content-type must be application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > BODY_LIMIT_BYTES) throw tooLarge();

  const bytes = await readLimited(request);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpProblem(400, HttpErrorCode.malformedJson, "The body is not valid UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, HttpErrorCode.malformedJson, "The body is not valid JSON");
  }
}

/** Reads at most the limit, whatever content-length claimed (it may be absent or false). */
export async function readLimited(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > BODY_LIMIT_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function tooLarge(): HttpProblem {
  return new HttpProblem(413, HttpErrorCode.payloadTooLarge, `The body exceeds ${BODY_LIMIT_BYTES} bytes`);
}
