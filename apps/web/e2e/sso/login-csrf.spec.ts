import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { configureOkta, configureSamlByHand, freshPage, startSsoSignIn } from "../support/issue9-connections";
import { createSamlApp, createSsoTeam } from "../support/sandbox";
import { authenticateAndSwitchOn } from "../support/sso-wizard";

// Login CSRF (issue #12, item 2): someone finishes the IdP step in their own browser and gets a
// victim to open the final callback URL. The victim's browser must not be signed in as them; the
// browser that started the flow still finishes it.

/**
 * Stops this page's navigation to our SSO callback and hands its URL over, as an attacker would
 * copy it. Through the DevTools protocol: Playwright's own routing does not see the last hop of a
 * redirect chain, and the callback is always reached by a redirect.
 */
async function holdBackCallback(page: Page, callbackPath: string) {
  const cdp = await page.context().newCDPSession(page);
  let resolveHeld!: (url: string) => void;
  const held = new Promise<string>((resolve) => (resolveHeld = resolve));
  cdp.on("Fetch.requestPaused", (event) => {
    if (new URL(event.request.url).pathname !== callbackPath) return void cdp.send("Fetch.continueRequest", { requestId: event.requestId });
    resolveHeld(event.request.url);
    const body = Buffer.from("<h1>Callback held back</h1>").toString("base64");
    void cdp.send("Fetch.fulfillRequest", {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: [{ name: "content-type", value: "text/html" }],
      body,
    });
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: `*${callbackPath}*`, requestStage: "Request" }] });
  return { held, release: () => cdp.detach() };
}

async function flowCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === "gh_sso_flow");
}

async function refusedAndSignedOut(page: Page, callbackUrl: string) {
  await page.goto(callbackUrl);
  await expect(page.getByText("This sign-in was started in another browser.")).toBeVisible();
  await expect(page.getByText(/Start again here/)).toBeVisible();
  await page.goto("/settings/team");
  await expect(page).toHaveURL(/\/login/);
}

async function finishesInBrowserA(a: Page, contextA: BrowserContext, callbackUrl: string, email: string) {
  await a.goto(callbackUrl);
  await expect(a).toHaveURL(/\/settings\/team/);
  await expect(a.getByTestId("signed-in-as")).toHaveText(email);
  // Its only flow is done: the flow cookie is cleared.
  expect(await flowCookie(contextA)).toBeUndefined();
}

test("OIDC: a finished callback opened in another browser is refused and signs nobody in; the starting browser finishes", async ({ browser, page }) => {
  const { team, buttonText } = await configureOkta(page);
  await authenticateAndSwitchOn(page, team.admin.email);

  const contextA = await browser.newContext();
  const a = await contextA.newPage();
  const hold = await holdBackCallback(a, "/api/sso/oidc/callback");
  await startSsoSignIn(a, team.account.slug, buttonText, team.member.email);
  const callbackUrl = await hold.held;
  await hold.release();
  expect(await flowCookie(contextA)).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/sso" });

  await refusedAndSignedOut(await freshPage(browser), callbackUrl);
  await finishesInBrowserA(a, contextA, callbackUrl, team.member.email);
});

test("SAML with the IdP on another site: the flow cookie survives the cross-site ACS post; another browser is refused", async ({ browser, page }) => {
  const team = await createSsoTeam();
  const app = await createSamlApp(`Gatehouse ${team.tag}`);
  // 127.0.0.1 is another site than localhost: the IdP's form post to our ACS is cross-site, as in production.
  const crossSite = { ...app, ssoUrl: app.ssoUrl.replace("//localhost:", "//127.0.0.1:") };
  const buttonText = `Sign in with SAML ${team.tag}`;
  await configureSamlByHand(page, team, crossSite, buttonText);
  // Authenticate itself goes through the cross-site ACS and must find the admin's flow cookie.
  await authenticateAndSwitchOn(page, team.admin.email);

  const contextA = await browser.newContext();
  const a = await contextA.newPage();
  const hold = await holdBackCallback(a, "/api/sso/saml/callback");
  const acsPost = a.waitForRequest((request) => request.url().endsWith("/api/oauth/saml") && request.method() === "POST");
  await startSsoSignIn(a, team.account.slug, buttonText, team.member.email);
  const callbackUrl = await hold.held;
  await hold.release();
  // The ACS post came from the IdP's page on 127.0.0.1: a cross-site request to localhost.
  const acsHeaders = await (await acsPost).allHeaders();
  expect(new URL(acsHeaders["origin"] ?? "http://unknown").hostname).toBe("127.0.0.1");
  if (acsHeaders["sec-fetch-site"]) expect(acsHeaders["sec-fetch-site"]).toBe("cross-site");

  await refusedAndSignedOut(await freshPage(browser), callbackUrl);
  await finishesInBrowserA(a, contextA, callbackUrl, team.member.email);
});
