import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { configureOkta, configureSamlByHand, freshPage, startSsoSignIn } from "../support/issue9-connections";
import { createSamlApp, createSsoTeam } from "../support/sandbox";
import { authenticateAndSwitchOn } from "../support/sso-wizard";

// Login CSRF (issue #12, item 2): someone finishes the IdP step in their own browser and gets a
// victim to open the final callback URL. The victim's browser must not be signed in as them; the
// browser that started the flow still finishes it.

type HeldBack = { callbackUrl: string; secFetchSite: string | undefined };

/**
 * Stops browser A's navigation to our SSO callback and hands its URL over, as an attacker would
 * copy it. Redirects are followed one hop at a time so the last hop before the callback is seen.
 */
function holdBackCallback(context: BrowserContext, via: string, callbackPath: string): Promise<HeldBack> {
  return new Promise((resolve) => {
    void context.route(via, async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const secFetchSite = (await route.request().allHeaders())["sec-fetch-site"];
      const response = await route.fetch({ maxRedirects: 0 });
      const location = response.headers()["location"];
      const next = location ? new URL(location, route.request().url()) : null;
      if (next?.pathname === callbackPath) {
        resolve({ callbackUrl: next.toString(), secFetchSite });
        return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Callback held back</h1>" });
      }
      return route.fulfill({ response });
    });
  });
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
  await contextA.unrouteAll({ behavior: "ignoreErrors" });
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
  const held = holdBackCallback(contextA, `${process.env.IDP_SANDBOX_URL}/**`, "/api/sso/oidc/callback");
  await startSsoSignIn(a, team.account.slug, buttonText, team.member.email);
  const { callbackUrl } = await held;
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
  const held = holdBackCallback(contextA, "**/api/oauth/saml", "/api/sso/saml/callback");
  await startSsoSignIn(a, team.account.slug, buttonText, team.member.email);
  const { callbackUrl, secFetchSite } = await held;
  expect(secFetchSite).toBe("cross-site");

  await refusedAndSignedOut(await freshPage(browser), callbackUrl);
  await finishesInBrowserA(a, contextA, callbackUrl, team.member.email);
});
