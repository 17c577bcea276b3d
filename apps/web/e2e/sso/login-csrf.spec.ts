import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { configureOkta, configureSamlByHand, freshPage, startSsoSignIn } from "../support/issue9-connections";
import { createSamlApp, createSsoTeam } from "../support/sandbox";
import { authenticateAndSwitchOn } from "../support/sso-wizard";

// Login CSRF (issue #12, item 2): someone finishes the IdP step in their own browser and gets a
// victim to open the final callback URL. The victim's browser must not be signed in as them; the
// browser that started the flow still finishes it.

/**
 * Stops this page's request to `path` and hands it over (its URL, or its posted form), as an
 * attacker would keep it. Through the DevTools protocol: Playwright's own routing does not see the
 * last hop of a redirect chain, and the callback is always reached by a redirect.
 */
async function holdBack(page: Page, path: string) {
  const cdp = await page.context().newCDPSession(page);
  let resolveHeld!: (request: { url: string; form: URLSearchParams }) => void;
  const held = new Promise<{ url: string; form: URLSearchParams }>((resolve) => (resolveHeld = resolve));
  cdp.on("Fetch.requestPaused", (event) => {
    if (new URL(event.request.url).pathname !== path) return void cdp.send("Fetch.continueRequest", { requestId: event.requestId });
    resolveHeld({ url: event.request.url, form: new URLSearchParams(event.request.postData ?? "") });
    const body = Buffer.from("<h1>Held back</h1>").toString("base64");
    void cdp.send("Fetch.fulfillRequest", {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: [{ name: "content-type", value: "text/html" }],
      body,
    });
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: `*${path}*`, requestStage: "Request" }] });
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
  const hold = await holdBack(a, "/api/sso/oidc/callback");
  await startSsoSignIn(a, team.account.slug, buttonText, team.member.email);
  const callbackUrl = (await hold.held).url;
  await hold.release();
  expect(await flowCookie(contextA)).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/sso" });

  await refusedAndSignedOut(await freshPage(browser), callbackUrl);
  await finishesInBrowserA(a, contextA, callbackUrl, team.member.email);
});

/** Posts a SAML response to our ACS from this page, as a page on the attacker's site would. */
async function postToAcs(page: Page, form: URLSearchParams) {
  const fields = [...form.entries()].map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, "&quot;")}">`).join("");
  await page.setContent(`<form method="post" action="${process.env.APP_URL}/api/oauth/saml">${fields}</form>`);
  await page.locator("form").evaluate((form: HTMLFormElement) => form.submit());
}

test("SAML with the IdP on another site: the starting browser finishes in the ACS post itself; a response posted from another browser signs nobody in", async ({
  browser,
  page,
}) => {
  const team = await createSsoTeam();
  const app = await createSamlApp(`Gatehouse ${team.tag}`);
  // 127.0.0.1 is another site than localhost: the IdP's form post to our ACS is cross-site, as in production.
  const crossSite = { ...app, ssoUrl: app.ssoUrl.replace("//localhost:", "//127.0.0.1:") };
  const buttonText = `Sign in with SAML ${team.tag}`;
  await configureSamlByHand(page, team, crossSite, buttonText);
  // Authenticate itself goes through the cross-site ACS and must find the admin's flow.
  await authenticateAndSwitchOn(page, team.admin.email);

  // The starting browser: its SameSite=None ACS cookie comes with the cross-site post, which
  // finishes the sign-in without the trip through our callback.
  const contextA = await browser.newContext();
  const a = await contextA.newPage();
  const callbacks: string[] = [];
  a.on("request", (request) => void (new URL(request.url()).pathname === "/api/sso/saml/callback" && callbacks.push(request.url())));
  const acsPost = a.waitForRequest((request) => request.url().endsWith("/api/oauth/saml") && request.method() === "POST");
  await startSsoSignIn(a, team.account.slug, buttonText, team.member.email);
  const acsHeaders = await (await acsPost).allHeaders();
  // The ACS post came from the IdP's page on 127.0.0.1: a cross-site request to localhost.
  expect(new URL(acsHeaders["origin"] ?? "http://unknown").hostname).toBe("127.0.0.1");
  if (acsHeaders["sec-fetch-site"]) expect(acsHeaders["sec-fetch-site"]).toBe("cross-site");
  expect(acsHeaders["cookie"] ?? "").toContain("gh_sso_acs=");
  expect(acsHeaders["cookie"] ?? "").not.toContain("gh_sso_flow=");
  await expect(a).toHaveURL(/\/settings\/team/);
  await expect(a.getByTestId("signed-in-as")).toHaveText(team.member.email);
  expect(callbacks).toEqual([]);
  // Its only flow is done: both cookies of the flow secret are cleared.
  expect((await contextA.cookies()).filter((cookie) => cookie.name.startsWith("gh_sso_"))).toEqual([]);

  // Login CSRF: the attacker keeps their own browser's SAML response and has a victim's browser post it.
  const attackerContext = await browser.newContext();
  const attacker = await attackerContext.newPage();
  const hold = await holdBack(attacker, "/api/oauth/saml");
  await startSsoSignIn(attacker, team.account.slug, buttonText, team.member.email);
  const { form } = await hold.held;
  await hold.release();
  expect(await flowCookie(attackerContext)).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/sso" });
  expect((await attackerContext.cookies()).find((cookie) => cookie.name === "gh_sso_acs")).toMatchObject({
    httpOnly: true,
    sameSite: "None",
    secure: true,
    path: "/api/oauth/saml",
  });

  const victim = await freshPage(browser);
  const victimCallback = victim.waitForRequest((request) => new URL(request.url()).pathname === "/api/sso/saml/callback");
  await postToAcs(victim, form);
  const callbackUrl = (await victimCallback).url();
  await expect(victim.getByText("This sign-in was started in another browser.")).toBeVisible();
  await victim.goto("/settings/team");
  await expect(victim).toHaveURL(/\/login/);
  // The browser that started the flow can still finish it.
  await finishesInBrowserA(attacker, attackerContext, callbackUrl, team.member.email);
});
