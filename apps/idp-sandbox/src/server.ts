import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { avatarSvg } from "./html/avatar";
import { errorPage } from "./html/error";
import { indexPage } from "./html/index-page";
import { HttpError, readJson, sendHtml, sendJson, sendText } from "./http";
import { parseClientRequest } from "./oidc/clients";
import type { OidcHub } from "./oidc/hub";
import { isOidcProfileId, OIDC_PROFILE_IDS, OIDC_PROFILES } from "./oidc/profiles";
import type { SamlIdp } from "./saml/idp";
import { handleSaml } from "./saml/routes";
import { handleDns } from "./dns/routes";
import type { SandboxDnsServer } from "./dns/server";
import { addTestUser, TEST_USERS } from "./users";

export interface SandboxApp {
  baseUrl: string;
  appUrl: string;
  oidc: OidcHub;
  saml: SamlIdp;
  demoSamlAppId: string;
  /** Default SP values offered when creating a SAML app by hand. */
  defaultAcsUrl: string;
  defaultSpEntityId: string;
  dns: SandboxDnsServer;
}

async function handleOidcApi(app: SandboxApp, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (path === "/api/oidc" && req.method === "GET") {
    sendJson(
      res,
      200,
      OIDC_PROFILE_IDS.map((id) => ({
        profile: id,
        issuer: app.oidc.issuer(id),
        discovery_url: app.oidc.discoveryUrl(id),
        demo_client: app.oidc.demoClients[id],
      })),
    );
    return true;
  }
  const match = /^\/api\/oidc\/([a-z0-9]+)\/clients$/.exec(path);
  if (!match?.[1]) return false;
  if (!isOidcProfileId(match[1])) throw new HttpError(404, `Unknown OIDC profile "${match[1]}". Use one of ${OIDC_PROFILE_IDS.join(", ")}.`);
  if (req.method !== "POST") throw new HttpError(405, "Use POST to create a client.");
  const input = parseClientRequest(await readJson(req));
  sendJson(res, 201, await app.oidc.createClient(match[1], input));
  return true;
}

async function route(app: SandboxApp, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", app.baseUrl);
  const path = url.pathname;

  if (path === "/" && req.method === "GET") {
    sendHtml(
      res,
      200,
      indexPage({
        baseUrl: app.baseUrl,
        appUrl: app.appUrl,
        oidc: OIDC_PROFILE_IDS.map((id) => ({
          profile: OIDC_PROFILES[id],
          issuer: app.oidc.issuer(id),
          discoveryUrl: app.oidc.discoveryUrl(id),
          client: app.oidc.demoClients[id],
        })),
        samlApps: app.saml.list(),
        demoSamlAppId: app.demoSamlAppId,
      }),
    );
    return;
  }
  if (path === "/healthz") return sendJson(res, 200, { ok: true });
  if (path === "/api/users" && req.method === "POST") {
    const body = (await readJson(req)) as Parameters<typeof addTestUser>[0];
    try {
      return sendJson(res, 201, addTestUser(body));
    } catch (error) {
      throw new HttpError(400, (error as Error).message);
    }
  }

  const avatar = /^\/avatars\/([\w-]+)\.svg$/.exec(path);
  if (avatar) {
    const user = TEST_USERS.find((candidate) => candidate.key === avatar[1]);
    if (!user) throw new HttpError(404, "No such avatar.");
    return sendText(res, 200, "image/svg+xml", avatarSvg(user.key, `${user.givenName[0]}${user.familyName[0]}`));
  }

  if ((path.startsWith("/dns") || path.startsWith("/api/dns")) && (await handleDns(app.dns, req, res, url))) return;
  if (path.startsWith("/oidc/") && (await app.oidc.handle(req, res, path))) return;
  if (path.startsWith("/api/oidc") && (await handleOidcApi(app, req, res, path))) return;
  if (
    await handleSaml({
      idp: app.saml,
      req,
      res,
      url,
      defaultAcsUrl: app.defaultAcsUrl,
      defaultSpEntityId: app.defaultSpEntityId,
    })
  ) {
    return;
  }
  throw new HttpError(404, `Nothing at ${req.method} ${path}.`, "Not found");
}

function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const known = error instanceof HttpError;
  if (!known) console.error("[idp-sandbox] unexpected error:", error);
  const status = known ? error.status : 500;
  const message = known ? error.message : `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
  if (res.headersSent) {
    res.end();
    return;
  }
  if ((req.url ?? "").startsWith("/api/") || req.headers.accept?.includes("application/json")) {
    sendJson(res, status, { error: message });
  } else {
    sendHtml(res, status, errorPage({ title: known ? error.title : "Sandbox error", message }));
  }
}

/** Request handler; `getApp` returns undefined until startup has finished. */
export function createHandler(getApp: () => SandboxApp | undefined) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const app = getApp();
    if (!app) {
      sendJson(res, 503, { error: "The sandbox is still starting." });
      return;
    }
    route(app, req, res).catch((error: unknown) => sendError(req, res, error));
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Listens on 127.0.0.1 and, when the machine has IPv6 loopback, on ::1 with the same
 * port: "localhost" resolves to ::1 first on many systems, and the issuer must be
 * http://localhost for Jackson.
 */
export async function listenOnLoopback(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
): Promise<{ port: number; servers: Server[] }> {
  const primary = createServer(handler);
  const actualPort = await listen(primary, port, "127.0.0.1");
  const servers = [primary];
  const ipv6 = createServer(handler);
  try {
    await listen(ipv6, actualPort, "::1");
    servers.push(ipv6);
  } catch {
    // No IPv6 loopback (or the port is taken there): 127.0.0.1 alone still works.
  }
  return { port: actualPort, servers };
}

export function closeServers(servers: Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Browsers keep connections alive; without this, close() waits for them.
          server.closeAllConnections();
        }),
    ),
  ).then(() => undefined);
}
