import type { IncomingMessage, ServerResponse } from "node:http";
import { dnsPage } from "../html/dns-page";
import { HttpError, readForm, readJson, redirect, sendHtml, sendJson } from "../http";
import type { SandboxDnsServer } from "./server";

function parseRecord(body: unknown): { name: string; value?: string } {
  const input = (body ?? {}) as { name?: unknown; value?: unknown };
  if (typeof input.name !== "string" || input.name.trim() === "") throw new HttpError(400, 'Give "name", e.g. "_gatehouse-challenge.acme.test".');
  if (input.value !== undefined && typeof input.value !== "string") throw new HttpError(400, '"value" must be a string.');
  return { name: input.name, value: input.value };
}

/** The DNS page (/dns) and its HTTP API (/api/dns/records). Returns false when the path is not ours. */
export async function handleDns(dns: SandboxDnsServer, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname;
  if (path === "/dns" && req.method === "GET") {
    const q = url.searchParams;
    sendHtml(res, 200, dnsPage({ records: dns.zone.list(), dnsAddress: dns.address, name: q.get("name") ?? "", value: q.get("value") ?? "" }));
    return true;
  }
  if (path === "/dns" && req.method === "POST") {
    const form = await readForm(req);
    try {
      dns.zone.add(form.name ?? "", form.value ?? "");
    } catch (error) {
      sendHtml(res, 400, dnsPage({ records: dns.zone.list(), dnsAddress: dns.address, name: form.name, value: form.value, error: (error as Error).message }));
      return true;
    }
    redirect(res, "/dns");
    return true;
  }
  if (path === "/dns/delete" && req.method === "POST") {
    const form = await readForm(req);
    dns.zone.remove(form.name ?? "", form.value);
    redirect(res, "/dns");
    return true;
  }
  if (path !== "/api/dns/records") return false;
  if (req.method === "GET") {
    sendJson(res, 200, dns.zone.list());
  } else if (req.method === "POST") {
    const record = parseRecord(await readJson(req));
    try {
      sendJson(res, 201, dns.zone.add(record.name, record.value ?? ""));
    } catch (error) {
      throw new HttpError(400, (error as Error).message);
    }
  } else if (req.method === "DELETE") {
    const record = parseRecord(await readJson(req));
    sendJson(res, 200, { removed: dns.zone.remove(record.name, record.value) });
  } else {
    throw new HttpError(405, "Use GET, POST or DELETE.");
  }
  return true;
}
