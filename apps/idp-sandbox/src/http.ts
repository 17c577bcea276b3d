import type { IncomingMessage, ServerResponse } from "node:http";

/** An error whose message is safe to show to the person or test that caused it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly title = "Something is not right",
  ) {
    super(message);
  }
}

// SAML responses and metadata are small; anything larger is a mistake or abuse.
const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "Request body is larger than 1 MB.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Form fields; for a repeated name the last value wins. */
export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const params = new URLSearchParams(await readBody(req));
  const form: Record<string, string> = {};
  for (const [key, value] of params) form[key] = value;
  return form;
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "Request body is not valid JSON.");
  }
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(html);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(`${JSON.stringify(body, null, 2)}\n`);
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
  res.end(body);
}

export function redirect(res: ServerResponse, location: string): void {
  // 303 so a POSTed form lands on a GET page and a reload does not resubmit it.
  res.writeHead(303, { location, "content-length": "0" });
  res.end();
}
