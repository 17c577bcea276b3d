import type { IncomingMessage, ServerResponse } from "node:http";
import { loginPage } from "../html/login";
import { SAML_ACCENT, samlAppPage, samlListPage } from "../html/saml-admin";
import { samlPostPage } from "../html/saml-post";
import { HttpError, readForm, readJson, redirect, sendHtml, sendJson, sendText } from "../http";
import { displayName, findUser, loginName, usersFor } from "../users";
import type { SamlApp } from "./apps";
import type { SamlIdp } from "./idp";
import { parseCreateAppForm, parseCreateAppJson, parseValidity } from "./input";
import { decodeSamlMessage, parseAuthnRequest } from "./request";
import { samlAppUrls } from "./urls";

export interface SamlRouteContext {
  idp: SamlIdp;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Defaults for the create form: Gatehouse's ACS URL and SP entity ID. */
  defaultAcsUrl: string;
  defaultSpEntityId: string;
}

const KEY_ACTIONS = {
  rotate: "Added a next key. It is in the metadata now; activate it once the SP has re-read the metadata.",
  "activate-next": "The next key now signs responses. The previous key stays in the metadata until you retire it.",
  "retire-old": "Retired the previous key; it is no longer in the metadata.",
} as const;
type KeyAction = keyof typeof KEY_ACTIONS;

function isKeyAction(value: string): value is KeyAction {
  return value in KEY_ACTIONS;
}

function runKeyAction(ctx: SamlRouteContext, appId: string, action: KeyAction, body: Record<string, unknown>): void {
  if (action === "rotate") ctx.idp.rotateKey(appId, parseValidity(body.certificateValidity));
  else if (action === "activate-next") ctx.idp.activateNextKey(appId);
  else ctx.idp.retireOldKeys(appId);
}

function renderLogin(ctx: SamlRouteContext, app: SamlApp, pendingId: string, error?: string, prefill?: string): void {
  sendHtml(
    ctx.res,
    error ? 401 : 200,
    loginPage({
      title: app.name,
      accent: SAML_ACCENT,
      subtitle: `Sign in with SAML to ${app.spEntityId}.`,
      action: `/saml/${encodeURIComponent(app.id)}/login`,
      users: usersFor("saml"),
      error,
      prefill,
      hidden: { pending: pendingId },
    }),
  );
}

/** SP-initiated: an AuthnRequest arrives by HTTP-Redirect (GET) or HTTP-POST. */
async function startSso(ctx: SamlRouteContext, app: SamlApp): Promise<void> {
  const post = ctx.req.method === "POST";
  const params = post ? await readForm(ctx.req) : Object.fromEntries(ctx.url.searchParams);
  const encoded = params.SAMLRequest;
  if (!encoded) {
    throw new HttpError(
      400,
      `No SAMLRequest in this request. To sign in without one, use IdP-initiated sign-in: ${samlAppUrls(ctx.idp.baseUrl, app.id).initiateUrl}`,
      "Missing SAML request",
    );
  }
  const request = parseAuthnRequest(decodeSamlMessage(encoded, post ? "post" : "redirect"));
  if (request.acsUrl && request.acsUrl !== app.acsUrl) {
    throw new HttpError(
      400,
      `The AuthnRequest asks for the response at ${request.acsUrl}, but this app only sends responses to its ACS URL ${app.acsUrl}. Create an app with the right ACS URL on /saml.`,
      "ACS URL mismatch",
    );
  }
  if (request.issuer && request.issuer !== app.spEntityId) {
    throw new HttpError(
      400,
      `The AuthnRequest comes from SP entity ID ${request.issuer}, but this app is set up for ${app.spEntityId}, so the SP would reject the Audience. Create an app with that SP entity ID (for the demo app, set SANDBOX_SP_ENTITY_ID).`,
      "Unknown service provider",
    );
  }
  const pendingId = ctx.idp.pending.add({ appId: app.id, requestId: request.id, relayState: params.RelayState });
  renderLogin(ctx, app, pendingId);
}

async function finishLogin(ctx: SamlRouteContext, app: SamlApp): Promise<void> {
  const form = await readForm(ctx.req);
  const pendingId = form.pending ?? "";
  const pending = ctx.idp.pending.get(pendingId);
  if (!pending || pending.appId !== app.id) {
    throw new HttpError(400, "This sign-in has expired or was already used. Start again from the app.", "Sign-in expired");
  }
  const login = (form.pick || form.email || "").trim();
  const user = login ? findUser("saml", login) : undefined;
  if (!user) {
    const error = login
      ? `No test user ${login} in the sandbox. Pick one of the users below, or add one in apps/idp-sandbox/src/users.ts.`
      : "Enter an email address.";
    return renderLogin(ctx, app, pendingId, error, login);
  }
  ctx.idp.pending.take(pendingId);
  const samlResponse = ctx.idp.buildResponse(app.id, { email: loginName(user), inResponseTo: pending.requestId });
  sendHtml(
    ctx.res,
    200,
    samlPostPage({
      acsUrl: app.acsUrl,
      samlResponse,
      relayState: pending.relayState,
      appName: app.name,
      who: `${displayName(user)} (${loginName(user)})`,
    }),
  );
}

async function handleApi(ctx: SamlRouteContext, path: string): Promise<boolean> {
  const { req, res, idp } = ctx;
  if (path === "/api/saml/apps") {
    if (req.method === "GET") sendJson(res, 200, idp.list());
    else if (req.method === "POST") sendJson(res, 201, idp.createApp(parseCreateAppJson(await readJson(req))));
    else throw new HttpError(405, "Use GET or POST.");
    return true;
  }
  const match = /^\/api\/saml\/apps\/([^/]+)(?:\/keys\/([a-z-]+))?$/.exec(path);
  if (!match?.[1]) return false;
  const appId = decodeURIComponent(match[1]);
  const action = match[2];
  if (!action && req.method === "GET") {
    sendJson(res, 200, idp.summary(appId));
    return true;
  }
  if (action && isKeyAction(action) && req.method === "POST") {
    runKeyAction(ctx, appId, action, (await readJson(req)) as Record<string, unknown>);
    sendJson(res, 200, idp.summary(appId));
    return true;
  }
  throw new HttpError(404, `No such SAML API endpoint: ${req.method} ${path}`);
}

async function handlePages(ctx: SamlRouteContext, path: string): Promise<boolean> {
  const { req, res, idp } = ctx;
  if (path === "/saml" || path === "/saml/") {
    if (req.method === "POST") {
      const form = await readForm(req);
      try {
        const app = idp.createApp(parseCreateAppForm(form));
        redirect(res, `/saml/${encodeURIComponent(app.id)}`);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        sendHtml(
          res,
          error.status,
          samlListPage({
            apps: idp.list(),
            defaultAcsUrl: form.acsUrl ?? ctx.defaultAcsUrl,
            defaultSpEntityId: form.spEntityId ?? ctx.defaultSpEntityId,
            error: error.message,
          }),
        );
      }
      return true;
    }
    sendHtml(res, 200, samlListPage({ apps: idp.list(), defaultAcsUrl: ctx.defaultAcsUrl, defaultSpEntityId: ctx.defaultSpEntityId }));
    return true;
  }

  const match = /^\/saml\/([^/]+)(\/[a-z./-]+)?$/.exec(path);
  if (!match?.[1]) return false;
  const app = idp.app(decodeURIComponent(match[1]));
  const sub = match[2] ?? "";
  const method = req.method ?? "GET";

  if (sub === "" && method === "GET") {
    const done = ctx.url.searchParams.get("done") ?? "";
    sendHtml(res, 200, samlAppPage(idp.summary(app), isKeyAction(done) ? KEY_ACTIONS[done] : undefined));
  } else if (sub === "/metadata" && method === "GET") {
    sendText(res, 200, "application/xml; charset=utf-8", idp.metadata(app.id));
  } else if (sub === "/certificate.pem" && method === "GET") {
    res.setHeader("content-disposition", `attachment; filename="${app.id}-certificate.pem"`);
    sendText(res, 200, "application/x-pem-file", idp.summary(app).certificatePem);
  } else if (sub === "/sso" && (method === "GET" || method === "POST")) {
    await startSso(ctx, app);
  } else if (sub === "/initiate" && method === "GET") {
    const relayState = ctx.url.searchParams.get("RelayState") || undefined;
    renderLogin(ctx, app, idp.pending.add({ appId: app.id, relayState }));
  } else if (sub === "/login" && method === "POST") {
    await finishLogin(ctx, app);
  } else if (sub.startsWith("/keys/") && method === "POST") {
    const action = sub.slice("/keys/".length);
    if (!isKeyAction(action)) throw new HttpError(404, `Unknown key action "${action}".`);
    runKeyAction(ctx, app.id, action, await readForm(req));
    redirect(res, `/saml/${encodeURIComponent(app.id)}?done=${action}`);
  } else {
    throw new HttpError(404, `Nothing at ${method} ${path}.`, "Not found");
  }
  return true;
}

/** Everything under /saml and /api/saml; false when the path is not SAML's. */
export async function handleSaml(ctx: SamlRouteContext): Promise<boolean> {
  const path = ctx.url.pathname;
  if (path.startsWith("/api/saml/")) return handleApi(ctx, path);
  if (path === "/saml" || path.startsWith("/saml/")) return handlePages(ctx, path);
  return false;
}
