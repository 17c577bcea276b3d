import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

/** Ways the fake endpoint can break the RFC 7644 contract, to see the self-test notice. */
export type FakeScimFaults = {
  /** POST /Users answers 409 uniqueness instead of creating. */
  refuseCreate?: boolean;
  /** PATCH answers 200 but changes nothing. */
  ignorePatch?: boolean;
  /** Responses say application/json. */
  plainJson?: boolean;
  /** PATCH answers 204 without a body (allowed; the self-test must read the user back). */
  patchNoContent?: boolean;
  /** DELETE answers 204 but the user stays. */
  keepDeleted?: boolean;
};

type User = Record<string, unknown> & { id: string; userName: string };

/**
 * A small SCIM server on loopback, written to RFC 7644 for the self-test's unit tests. It
 * recognises only the exact requests the self-test sends (the real filter parsing is the
 * endpoint's, done with a library); `authorise` decides whether a bearer token is accepted.
 */
export async function startFakeScimServer(options: { faults?: FakeScimFaults; authorise: (token: string) => boolean | Promise<boolean> }) {
  const users = new Map<string, User>();
  const requests: string[] = [];
  const faults = options.faults ?? {};
  const contentType = faults.plainJson ? "application/json" : "application/scim+json";

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) return void res.writeHead(status).end();
    res.writeHead(status, { "content-type": contentType }).end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, detail: string, scimType?: string) =>
    send(res, status, { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status), detail, ...(scimType ? { scimType } : {}) });
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const path = url.pathname.replace(/^\/scim\/v2\/[^/]+/, "");
      requests.push(`${req.method} ${path}`);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!token || !(await options.authorise(token))) return error(res, 401, "Bearer token missing or not valid.");
      if (req.method === "GET" && path === "/ServiceProviderConfig")
        return send(res, 200, {
          schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
          patch: { supported: true },
          filter: { supported: true, maxResults: 100 },
        });
      if (req.method === "POST" && path === "/Users") {
        const body = await readBody(req);
        if (faults.refuseCreate) return error(res, 409, "userName is taken.", "uniqueness");
        const user: User = { ...body, id: randomUUID(), userName: String(body.userName), active: body.active ?? true, meta: { resourceType: "User" } };
        users.set(user.id, user);
        return send(res, 201, user);
      }
      if (req.method === "GET" && path === "/Users") {
        const wanted = /^userName eq "(.*)"$/.exec(url.searchParams.get("filter") ?? "")?.[1];
        const found = [...users.values()].filter((u) => wanted !== undefined && u.userName.toLowerCase() === wanted.toLowerCase());
        return send(res, 200, {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          totalResults: found.length,
          startIndex: 1,
          itemsPerPage: found.length,
          Resources: found,
        });
      }
      const id = /^\/Users\/([^/]+)$/.exec(path)?.[1];
      const user = id ? users.get(decodeURIComponent(id)) : undefined;
      if (!user) return error(res, 404, "Resource not found.");
      if (req.method === "GET") return send(res, 200, user);
      if (req.method === "PATCH") {
        const body = await readBody(req);
        if (!faults.ignorePatch) {
          for (const op of (body.Operations as Array<{ op: string; path?: string; value: unknown }>) ?? []) {
            if (op.path === "name.givenName") user.name = { ...(user.name as object), givenName: op.value };
            else if (!op.path && typeof op.value === "object") Object.assign(user, op.value);
          }
        }
        return faults.patchNoContent ? send(res, 204) : send(res, 200, user);
      }
      if (req.method === "DELETE") {
        if (!faults.keepDeleted) users.delete(user.id);
        return send(res, 204);
      }
      return error(res, 405, "Method not allowed.");
    })().catch((e: unknown) => error(res, 500, String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    users,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
