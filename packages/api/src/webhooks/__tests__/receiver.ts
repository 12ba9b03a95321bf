import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the receiver got: its headers, its raw body, and when it came (epoch ms). */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How the receiver answers the n-th request (0-based): a status, after an optional wait. */
  answer: (index: number) => { status: number; delayMs?: number };
  close(): Promise<void>;
}

/** A partner's endpoint on loopback: it keeps what it is sent and answers as the test says. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const receiver: Receiver = {
    url: "",
    received,
    answer: () => ({ status: 204 }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const index = received.length;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), receivedAt: Date.now() });
      const { status, delayMs = 0 } = receiver.answer(index);
      setTimeout(() => response.writeHead(status).end(), delayMs);
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const close = receiver.close;
  receiver.close = async () => {
    server.closeAllConnections();
    await close();
  };
  return receiver;
}
