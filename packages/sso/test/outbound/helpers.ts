import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface CountingServer {
  port: number;
  origin: string;
  /**
   * TCP connections accepted plus requests received so far (a request may reuse a kept-alive
   * connection): a refused request must leave this unchanged.
   */
  connections: () => number;
  close: () => Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that counts every connection and request it gets, so a test can
 * show a request was refused before connecting rather than after. On Linux 0.0.0.0 reaches
 * it too, which makes it a real target for the unspecified-address bypass.
 */
export async function startCountingServer(routes: Record<string, Route> = {}): Promise<CountingServer> {
  let connections = 0;
  const server = createServer((req, res) => {
    connections++;
    const route = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (route) return route(req, res);
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("internal service");
  });
  server.on("connection", () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
