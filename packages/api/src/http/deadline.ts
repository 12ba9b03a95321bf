import type { FetchHandler } from "./fetch-handler";
import { problemResponse, RETRY_AFTER_SECONDS } from "./problem";

/** The longest a client waits for an answer; past it, a retryable 503 rather than a hanging connection. */
export const REQUEST_DEADLINE_MS = 10_000;

/**
 * The handler, answering 503 once the deadline passes. The work under way is not cancelled: a write may still
 * commit unacknowledged, as when a connection drops just after a commit.
 */
export function withDeadline(handler: FetchHandler, deadlineMs = REQUEST_DEADLINE_MS): FetchHandler {
  return (request) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Response>((resolve) => {
      timer = setTimeout(
        () =>
          resolve(
            problemResponse(503, "REQUEST_TIMEOUT", `No answer within ${deadlineMs / 1000} s; retry`, {
              headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
            }),
          ),
        deadlineMs,
      );
    });
    return Promise.race([handler(request), late]).finally(() => clearTimeout(timer));
  };
}
