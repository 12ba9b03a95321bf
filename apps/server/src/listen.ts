import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FetchHandler } from "@interventions/api/http";
import { createNodeListener } from "./node-listener";

export interface ListeningServer {
  server: Server;
  /** `http://host:port`, with the port actually bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

/** Serves a fetch handler over plain node:http. */
export function listen(
  handler: FetchHandler,
  options: { port: number; host?: string; onError?: (error: unknown) => void },
): Promise<ListeningServer> {
  const onError = options.onError ?? ((error) => console.error("Unexpected error while serving a request", error));
  const server = createServer(createNodeListener(handler, onError));
  // Longer than the usual load balancers' idle timeout, so that they close idle connections first.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const host = options.host && options.host !== "0.0.0.0" && options.host !== "::" ? options.host : "127.0.0.1";
      resolve({
        server,
        url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
