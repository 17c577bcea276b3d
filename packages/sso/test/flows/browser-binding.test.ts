import { describe, expect, it } from "vitest";
import { auditEvents, count, eq, sessions, ssoConnections, ssoResults, type SsoConnection } from "@gatehouse/db";
import { ensureMember } from "@gatehouse/core";
import { Browser, loginForm } from "@gatehouse/testing/browser";
import { completeOidcCallback, completeSamlCallback, handleSamlAcs, ssoUrls, startSsoFlow } from "../../src";
import { makeOidcConnection as makeSandboxOidcConnection, makeSamlConnection, readAuthnRequest, useSsoStack } from "./harness";

// Login CSRF: a finished callback URL, opened in a browser that did not start the flow, must not
// sign that browser in. Each test finishes the IdP step for browser A, then replays the callback
// URL without A's flow secret (as a victim's browser would) and with another browser's secret.

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };
const OTHER_BROWSER = { kind: "refused", message: "This sign-in was started in another browser." };

async function traces(connection: SsoConnection, userId: string) {
  const [sessionRows] = await stack.ctx.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  const [resultRows] = await stack.ctx.db.select({ n: count() }).from(ssoResults).where(eq(ssoResults.connectionId, connection.id));
  const [auditRows] = await stack.ctx.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.targetId, connection.id));
  const [row] = await stack.ctx.db.select({ lastResult: ssoConnections.lastResult }).from(ssoConnections).where(eq(ssoConnections.id, connection.id));
  return { sessions: sessionRows!.n, results: resultRows!.n, audit: auditRows!.n, lastResult: row!.lastResult };
}

const makeOidcConnection = (tag: string) => makeSandboxOidcConnection(stack, tag);

/** Browser A starts a sign-in and does the IdP step; returns the callback URL and A's flow secret. */
async function oidcCallbackFromBrowserA(connection: SsoConnection, email: string) {
  const started = await startSsoFlow(stack.ctx, { connection, purpose: "sign_in" });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(JSON.stringify(started));
  const browser = new Browser();
  const form = loginForm(await browser.follow(started.value.redirectUrl));
  const redirectUri = ssoUrls(stack.ctx.appUrl).oidcRedirectUri;
  const back = await browser.follow(form.action, { form: { ...form.hidden, email } }, redirectUri);
  return { callbackUrl: new URL(back.location!), browserSecret: started.value.browserSecret };
}

async function samlCallbackFromBrowserA(setup: Awaited<ReturnType<typeof makeSamlConnection>>) {
  const started = await startSsoFlow(stack.ctx, { connection: setup.connection, purpose: "sign_in" });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(JSON.stringify(started));
  const { id, relayState } = readAuthnRequest(started.value.redirectUrl);
  const acs = await handleSamlAcs(stack.ctx, {
    samlResponse: stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id }),
    relayState,
  });
  if (acs.kind !== "redirect") throw new Error(JSON.stringify(acs));
  return { callbackUrl: new URL(acs.url), browserSecret: started.value.browserSecret };
}

describe("an SSO flow completes only in the browser that started it", () => {
  it("OIDC: a callback without the flow cookie, or with another browser's, is refused and changes nothing; A still finishes", async () => {
    const setup = await makeOidcConnection("bind-oidc");
    const alice = await ensureMember(stack.ctx.db, { accountId: setup.account.id, email: "alice@acme.test", name: "Alice", role: "member" });
    const { callbackUrl, browserSecret } = await oidcCallbackFromBrowserA(setup.connection, "alice@acme.test");
    const before = await traces(setup.connection, alice.id);

    expect(await completeOidcCallback(stack.ctx, { url: callbackUrl, request, browserSecret: null })).toMatchObject(OTHER_BROWSER);
    const otherBrowser = await oidcCallbackFromBrowserA(setup.connection, "alice@acme.test");
    expect(await completeOidcCallback(stack.ctx, { url: callbackUrl, request, browserSecret: `${otherBrowser.browserSecret.slice(0, -1)}x` })).toMatchObject(
      OTHER_BROWSER,
    );
    expect(await traces(setup.connection, alice.id)).toEqual(before);

    expect(await completeOidcCallback(stack.ctx, { url: callbackUrl, request, browserSecret })).toMatchObject({ kind: "signed_in" });
    expect((await traces(setup.connection, alice.id)).sessions).toBe(before.sessions + 1);
  });

  it("SAML: the callback Jackson redirects to is refused without the flow cookie and changes nothing; A still finishes", async () => {
    const setup = await makeSamlConnection(stack, "bind-saml");
    const { callbackUrl, browserSecret } = await samlCallbackFromBrowserA(setup);
    const before = await traces(setup.connection, setup.member.id);

    expect(await completeSamlCallback(stack.ctx, { url: callbackUrl, request, browserSecret: null })).toMatchObject(OTHER_BROWSER);
    expect(await completeSamlCallback(stack.ctx, { url: callbackUrl, request, browserSecret: "A".repeat(43) })).toMatchObject(OTHER_BROWSER);
    expect(await traces(setup.connection, setup.member.id)).toEqual(before);

    expect(await completeSamlCallback(stack.ctx, { url: callbackUrl, request, browserSecret })).toMatchObject({ kind: "signed_in" });
    expect((await traces(setup.connection, setup.member.id)).sessions).toBe(before.sessions + 1);
  });

  it("two tabs of one browser share its secret, and each flow finishes", async () => {
    const setup = await makeSamlConnection(stack, "bind-tabs");
    const first = await samlCallbackFromBrowserA(setup);
    const started = await startSsoFlow(stack.ctx, { connection: setup.connection, purpose: "sign_in", browserSecret: first.browserSecret });
    if (!started.ok || !("redirectUrl" in started.value)) throw new Error(JSON.stringify(started));
    expect(started.value.browserSecret).toBe(first.browserSecret);
    const { id, relayState } = readAuthnRequest(started.value.redirectUrl);
    const acs = await handleSamlAcs(stack.ctx, {
      samlResponse: stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id }),
      relayState,
    });
    if (acs.kind !== "redirect") throw new Error(JSON.stringify(acs));
    expect(await completeSamlCallback(stack.ctx, { url: new URL(acs.url), request, browserSecret: first.browserSecret })).toMatchObject({ kind: "signed_in" });
    expect(await completeSamlCallback(stack.ctx, { url: first.callbackUrl, request, browserSecret: first.browserSecret })).toMatchObject({ kind: "signed_in" });
  });
});
