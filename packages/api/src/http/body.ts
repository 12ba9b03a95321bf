import { HttpErrorCode, HttpProblem } from "./problem";

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const BODY_LIMIT_MESSAGE = `The body exceeds ${BODY_LIMIT_BYTES} bytes`;

function tooLarge(): HttpProblem {
  return new HttpProblem(413, HttpErrorCode.payloadTooLarge, BODY_LIMIT_MESSAGE);
}

/** The request's JSON body, refused early when it is not JSON, too large, or not valid UTF-8 JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new HttpProblem(415, HttpErrorCode.unsupportedMediaType, "content-type must be application/json");
  }
  if (declaresTooLarge(request)) throw tooLarge();

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

/** Whether content-length already says the body is over the limit (it may be absent or false). */
export function declaresTooLarge(request: Request): boolean {
  return Number(request.headers.get("content-length") ?? Number.NaN) > BODY_LIMIT_BYTES;
}

/** Reads at most the limit, whatever content-length claimed. */
async function readLimited(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = limitedBody(request.body, tooLarge).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body as a stream that fails with `tooLarge()` as soon as it passes the limit, and stops reading the
 * rest: what a transport hands its framework so that the framework's own error envelope carries the 413.
 */
export function limitedBody(body: ReadableStream<Uint8Array>, tooLarge: () => Error): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      total += value.byteLength;
      if (total > BODY_LIMIT_BYTES) {
        await reader.cancel();
        controller.error(tooLarge());
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
