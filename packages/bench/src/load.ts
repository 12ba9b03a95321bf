import autocannon from "autocannon";
import type { Ack, Call, Endpoint } from "./endpoints";

export interface LoadResult {
  endpoint: string;
  server: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Transport errors, timeouts and non-2xx answers. */
  errors: number;
  firstFailure?: string;
  /** CPU milliseconds per request: the server's process group, and PostgreSQL's processes. */
  serverCpuMs?: number;
  databaseCpuMs?: number;
}

/** Drives one endpoint with autocannon for a fixed number of requests; every request builds a fresh call. */
export async function drive(
  server: { name: string; url: string },
  endpoint: Endpoint,
  connections: number,
  amount: number,
  acks: Ack[],
): Promise<LoadResult> {
  let firstFailure: string | undefined;
  const result = await autocannon({
    url: server.url,
    connections,
    amount,
    timeout: 30,
    requests: [
      {
        setupRequest: (request, context) => {
          const call = endpoint.next();
          context.call = call;
          return { ...request, method: call.method, path: call.path, headers: call.headers, body: call.body ?? "" };
        },
        onResponse: (status, body, context) => {
          const call = context.call as Call;
          if (status >= 200 && status < 300) {
            const ack = call.ack(body);
            if (ack) acks.push(ack);
          } else {
            firstFailure ??= `${status} ${call.method} ${call.path}: ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  return {
    endpoint: endpoint.label,
    server: server.name,
    connections,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
