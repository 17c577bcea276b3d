import { expect, test } from "../support/fixtures";
import { createOidcClient, createSsoTeam, signInAtSandbox } from "../support/sandbox";
import {
  authenticateAndSwitchOn,
  configureOkta,
  fillConnectionSettings,
  memberSignsInWithSso,
  openWizard,
  saveAndOpenConnection,
  testConnectionPasses,
} from "../support/sso-wizard";

test("Okta over OIDC: configure, test, authenticate, switch on, a member signs in", async ({ browser, page }) => {
  const { team, client } = await configureOkta(page);
  // The secret never comes back to the page.
  expect(await page.content()).not.toContain(client.client_secret!);
  await testConnectionPasses(page);
  await authenticateAndSwitchOn(page, team.admin.email);

  const member = await (await browser.newContext()).newPage();
  await memberSignsInWithSso(member, team.account.slug, `Sign in with Okta ${team.tag}`, team.member.email);
});

test("Microsoft Entra over OIDC with client_secret_basic", async ({ browser, page }) => {
  const team = await createSsoTeam();
  const client = await createOidcClient("entra", "client_secret_basic");
  await openWizard(page, team.admin.email, /Entra/);
  await page.getByLabel(/Issuer URL or OpenID metadata document/).fill(client.issuer);
  await page.getByLabel("Client ID").fill(client.client_id);
  await page.getByLabel("Client secret").fill(client.client_secret!);
  await page.getByLabel("Token endpoint auth method").selectOption("client_secret_basic");
  await fillConnectionSettings(page, `Entra ${team.tag}`, `Sign in with Microsoft ${team.tag}`);
  await saveAndOpenConnection(page);
  await testConnectionPasses(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  const member = await (await browser.newContext()).newPage();
  await memberSignsInWithSso(member, team.account.slug, `Sign in with Microsoft ${team.tag}`, team.member.email);
});

test("Google Workspace accepts its hosted domain only", async ({ browser, page }) => {
  const team = await createSsoTeam({ hostedDomain: "e2e.test" });
  const client = await createOidcClient("google", "client_secret_post");
  await openWizard(page, team.admin.email, /Google/);
  await page.getByLabel("Google Workspace domain").fill("e2e.test");
  await page.getByText(/Advanced/).click();
  await page.getByLabel(/discovery URL/i).fill(client.issuer);
  await page.getByLabel("Client ID").fill(client.client_id);
  await page.getByLabel("Client secret").fill(client.client_secret!);
  await fillConnectionSettings(page, `Google ${team.tag}`, `Sign in with Google ${team.tag}`);
  await saveAndOpenConnection(page);
  await testConnectionPasses(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  const member = await (await browser.newContext()).newPage();
  await memberSignsInWithSso(member, team.account.slug, `Sign in with Google ${team.tag}`, team.member.email);

  // A consumer Google account (no hd) is refused with the reason.
  const outsider = await (await browser.newContext()).newPage();
  await outsider.goto(`/sso/${team.account.slug}`);
  await outsider.getByRole("button", { name: `Sign in with Google ${team.tag}` }).click();
  await signInAtSandbox(outsider, "outsider@gmail.test");
  await expect(outsider.getByText(/not an account of your company.s Google Workspace domain/)).toBeVisible();
});

test("any OpenID Connect provider, public client with PKCE", async ({ browser, page }) => {
  const team = await createSsoTeam();
  const client = await createOidcClient("generic", "none");
  await openWizard(page, team.admin.email, /OpenID Connect/);
  await page.getByLabel("OpenID configuration URL").fill(client.discovery_url);
  await page.getByLabel("Client ID").fill(client.client_id);
  await page.getByLabel("Token endpoint auth method").selectOption("none");
  await fillConnectionSettings(page, `OIDC ${team.tag}`, `Sign in with SSO ${team.tag}`);
  await saveAndOpenConnection(page);
  await expect(page.getByText(/we use it as is/i)).toHaveCount(0);
  await testConnectionPasses(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  const member = await (await browser.newContext()).newPage();
  await memberSignsInWithSso(member, team.account.slug, `Sign in with SSO ${team.tag}`, team.member.email);
});

test("Authenticate explains a mismatched email, and the connection cannot be switched on", async ({ page }) => {
  const { team } = await configureOkta(page);
  await expect(page.getByRole("button", { name: "Switch on" })).toBeDisabled();
  await page.getByRole("button", { name: "Authenticate" }).click();
  await signInAtSandbox(page, team.member.email);
  await expect(page).toHaveURL(/authenticated=0/);
  await expect(page.getByText(/does not match yours/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Switch on" })).toBeDisabled();
});
