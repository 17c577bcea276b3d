import { expect, test } from "../support/fixtures";
import { createSamlApp, createSsoTeam, signInAtSandbox } from "../support/sandbox";
import {
  authenticateAndSwitchOn,
  fillConnectionSettings,
  memberSignsInWithSso,
  openWizard,
  saveAndOpenConnection,
  testConnectionPasses,
} from "../support/sso-wizard";

async function tickIdpChecklist(page: import("@playwright/test").Page) {
  for (const box of await page
    .getByRole("group", { name: /in your IdP/i })
    .getByRole("checkbox")
    .all())
    await box.check();
}

test("SAML from a metadata URL: configure, test, authenticate, switch on, a member signs in", async ({ browser, page }) => {
  const team = await createSsoTeam();
  const app = await createSamlApp(`Gatehouse ${team.tag}`);
  await openWizard(page, team.admin.email, /SAML/);
  await expect(page.getByText(`${process.env.APP_URL}/api/oauth/saml`).first()).toBeVisible();
  await tickIdpChecklist(page);
  await page.getByRole("radio", { name: "Metadata URL" }).check();
  await page.getByRole("textbox", { name: "Metadata URL" }).fill(app.metadataUrl);
  await page.getByLabel("Email trust").selectOption("trust");
  await fillConnectionSettings(page, `SAML ${team.tag}`, `Sign in with SAML ${team.tag}`);
  await saveAndOpenConnection(page);
  await testConnectionPasses(page);
  await expect(page.getByTestId("test-report")).toContainText(app.entityId);
  await authenticateAndSwitchOn(page, team.admin.email);
  // The page shows one banner: after switching on, that is the switch's; the Authenticate result
  // (with the clock offset) is the banner again when the page is opened afresh.
  await page.goto(new URL(page.url()).pathname);
  await expect(page.getByText(/clock offset/i).first()).toBeVisible();

  const member = await (await browser.newContext()).newPage();
  await memberSignsInWithSso(member, team.account.slug, `Sign in with SAML ${team.tag}`, team.member.email);

  // IdP-initiated sign-in is off by default: the IdP dashboard's tile is refused with the reason.
  const dashboard = await (await browser.newContext()).newPage();
  await dashboard.goto(app.initiateUrl);
  await signInAtSandbox(dashboard, team.member.email);
  await expect(dashboard.getByText(/switched off for this connection/)).toBeVisible();

  // Switched on, the same tile signs the member in (restarted as an SP-initiated sign-in).
  await page.getByLabel(/Allow IdP-initiated sign-in/).check();
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  const tile = await (await browser.newContext()).newPage();
  await tile.goto(app.initiateUrl);
  await signInAtSandbox(tile, team.member.email);
  // Gatehouse restarts it as an SP-initiated sign-in; the sandbox asks again on every request.
  await signInAtSandbox(tile, team.member.email);
  await expect(tile).toHaveURL(/\/settings\/team/);
  await expect(tile.getByTestId("signed-in-as")).toHaveText(team.member.email);
});

test("SAML entered by hand from the IdP's issuer, SSO URL and certificate", async ({ browser, page }) => {
  const team = await createSsoTeam();
  const app = await createSamlApp(`Gatehouse ${team.tag}`);
  await openWizard(page, team.admin.email, /SAML/);
  await tickIdpChecklist(page);
  await page.getByLabel(/Enter values by hand/).check();
  await page.getByLabel(/Single Sign-On URL/).fill("ftp://idp.test/sso");
  await page.getByLabel(/Identity Provider Issuer/).fill(app.entityId);
  await page.getByLabel(/X.509 signing certificate/).fill(app.certificatePem);
  await page.getByLabel("Email trust").selectOption("trust");
  await fillConnectionSettings(page, `SAML ${team.tag}`, `Sign in with SAML ${team.tag}`);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("The Single Sign-On URL must start with https:// (it starts with ftp://).")).toBeVisible();
  await page.getByLabel(/Single Sign-On URL/).fill(app.ssoUrl);
  await saveAndOpenConnection(page);
  await testConnectionPasses(page);
  // Values typed by hand are the admin's, not the IdP metadata's.
  await expect(page.getByRole("heading", { name: "What you entered" })).toBeVisible();
  await authenticateAndSwitchOn(page, team.admin.email);
  const member = await (await browser.newContext()).newPage();
  await memberSignsInWithSso(member, team.account.slug, `Sign in with SAML ${team.tag}`, team.member.email);
});
