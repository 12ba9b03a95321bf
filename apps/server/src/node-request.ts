import type { IncomingMessage } from "node:http";

const NO_BODY = new Set(["GET", "HEAD"]);

/**
 * A fetch Request over a Node request. The body is streamed, not buffered, so that the handlers' own
 * 1 MiB limit stops reading early; cancelling it pauses the socket instead of destroying it, so that the
 * 413 can still be written (the response then closes the connection).
 */
export function toFetchRequest(incoming: IncomingMessage, signal: AbortSignal): Request {
  const host = incoming.headers.host ?? "localhost";
  const url = `http://${host}${incoming.url ?? "/"}`;
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  // The peer this server saw goes last, as a proxy adds itself: per-address limits read it (see clientAddress).
  const peer = incoming.socket.remoteAddress;
  if (peer) headers.set("x-forwarded-for", [headers.get("x-forwarded-for"), peer].filter(Boolean).join(", "));
  const method = incoming.method ?? "GET";
  if (NO_BODY.has(method) || incoming.headers["content-length"] === "0") {
    return new Request(url, { method, headers, signal });
  }
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers,
    signal,
    body: bodyStream(incoming),
    duplex: "half",
  };
  return new Request(url, init);
}

function bodyStream(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      incoming.on("data", (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
      });
      incoming.once("end", () => controller.close());
      incoming.once("error", (error) => controller.error(error));
      incoming.pause();
    },
    pull() {
      incoming.resume();
    },
    cancel() {
      incoming.removeAllListeners("data");
      incoming.pause();
    },
  });
}
