import type { RequestListener, ServerResponse } from "node:http";
import type { MailStore } from "./mail-store";

/**
 * The capture's mail, for tests in another process (Playwright):
 * `GET /messages?to=<address>` (newest first) and `DELETE /messages`.
 */
export function createCaptureHttpHandler(store: MailStore): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== "/messages") return sendJson(res, 404, { error: "Not found" });
    if (req.method === "GET") return sendJson(res, 200, store.list(url.searchParams.get("to") || undefined));
    if (req.method === "DELETE") {
      store.clear();
      res.writeHead(204).end();
      return;
    }
    res.setHeader("Allow", "GET, DELETE");
    sendJson(res, 405, { error: "Method not allowed" });
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}
