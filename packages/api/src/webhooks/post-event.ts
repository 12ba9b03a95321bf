import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { Webhook } from "standardwebhooks";
import type { DestinationPolicy } from "./destination";

/** How long a receiver has to answer; past it the attempt failed and is retried. */
export const POST_TIMEOUT_MS = 10_000;
/** What is read of a receiver's answer: enough to say why it refused, no more. */
const ANSWER_READ_MAX = 1_024;

export interface SignedPost {
  url: string;
  secret: string;
  webhookId: string;
  body: string;
  /** The attempt's time, signed with the body: a receiver refuses a stale one (replay). */
  timestamp: Date;
}

export type PostOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export interface EventPoster {
  post(message: SignedPost, signal?: AbortSignal): Promise<PostOutcome>;
  close(): void;
}

/**
 * Posts signed events (Standard Webhooks headers, made by its library) through agents that refuse, as they
 * connect, any address the policy does not allow: a name that resolved to a public address when the
 * subscription was made and to a private one now is refused too. Redirects are not followed.
 */
export function createEventPoster(policy: DestinationPolicy): EventPoster {
  const filter = { allowPrivateIPAddress: policy.allowPrivate, allowMetaIPAddress: false, keepAlive: true };
  const agents = { http: new RequestFilteringHttpAgent(filter), https: new RequestFilteringHttpsAgent(filter) };
  return {
    post(message, signal) {
      const headers = {
        "content-type": "application/json",
        "user-agent": "interventions-webhooks/1",
        "webhook-id": message.webhookId,
        "webhook-timestamp": String(Math.floor(message.timestamp.getTime() / 1000)),
        "webhook-signature": new Webhook(message.secret).sign(message.webhookId, message.timestamp, message.body),
      };
      return send(message.url, headers, message.body, agents, signal);
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function send(
  url: string,
  headers: Record<string, string>,
  body: string,
  agents: { http: RequestFilteringHttpAgent; https: RequestFilteringHttpsAgent },
  signal?: AbortSignal,
): Promise<PostOutcome> {
  const secure = url.startsWith("https:");
  const deadline = AbortSignal.timeout(POST_TIMEOUT_MS);
  const options = {
    method: "POST",
    headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    agent: secure ? agents.https : agents.http,
    signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
  };
  return new Promise((resolve) => {
    const failed = (error: unknown) => {
      const timedOut = deadline.aborted;
      const text = timedOut ? `no answer within ${POST_TIMEOUT_MS / 1000} s` : describe(error);
      resolve({ ok: false, status: null, error: text });
    };
    const outgoing = (secure ? httpsRequest : httpRequest)(url, options, (answer) => {
      const status = answer.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let read = 0;
      answer.on("data", (chunk: Buffer) => {
        if (read < ANSWER_READ_MAX) chunks.push(chunk);
        read += chunk.length;
      });
      answer.on("error", failed);
      answer.on("end", () => {
        if (status >= 200 && status < 300) return resolve({ ok: true, status });
        const said = Buffer.concat(chunks).toString("utf8").slice(0, ANSWER_READ_MAX).trim();
        const why =
          status >= 300 && status < 400
            ? `redirected to ${answer.headers.location ?? "another address"} (redirects are not followed)`
            : `answered ${status}${said ? `: ${said}` : ""}`;
        resolve({ ok: false, status, error: why });
      });
    });
    outgoing.on("error", failed);
    outgoing.end(body);
  });
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 2_000);
}
