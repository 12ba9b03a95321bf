import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { FetchHandler } from "@interventions/api/http";
import { toFetchRequest } from "./node-request";
import { sendFetchResponse } from "./send-response";

/** A node:http listener serving a fetch handler; a failure of the handler itself is a bare 500. */
export function createNodeListener(handler: FetchHandler, onError: (error: unknown) => void): RequestListener {
  return (incoming: IncomingMessage, res: ServerResponse) => {
    const aborter = new AbortController();
    // The client went away before the answer: tell the handler (tRPC streams listen to it).
    res.once("close", () => {
      if (!res.writableFinished) aborter.abort();
    });
    serve(handler, incoming, res, aborter.signal).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
      else res.destroy();
    });
  };
}

async function serve(
  handler: FetchHandler,
  incoming: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const response = await handler(toFetchRequest(incoming, signal));
  await sendFetchResponse(response, res, incoming.complete);
}
