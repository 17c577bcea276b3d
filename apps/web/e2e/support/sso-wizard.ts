import { expect, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { createOidcClient, createSsoTeam, signInAtSandbox } from "./sandbox";

/** Opens the Configure SSO wizard for a provider, as the account's admin. */
export async function openWizard(page: Page, adminEmail: string, providerButton: RegExp) {
  await signIn(page, adminEmail);
  await expect(page).toHaveURL(/\/settings\/team/);
  await page.getByRole("link", { name: "Security" }).click();
  await page.getByRole("link", { name: providerButton }).click();
  await expect(page.getByRole("heading", { name: /Configure|Add|Connect/ })).toBeVisible();
}

/** Common connection settings: name and button text (unique per test). */
export async function fillConnectionSettings(page: Page, name: string, buttonText: string) {
  await page.getByLabel("Connection name").fill(name);
  await page.getByLabel("Sign-in button text").fill(buttonText);
}

export async function saveAndOpenConnection(page: Page) {
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("button", { name: "Test Connection" })).toBeVisible();
}

/** Test Connection: the checklist shows and reports no error. */
export async function testConnectionPasses(page: Page) {
  await page.getByRole("button", { name: "Test Connection" }).click();
  await expect(page.getByTestId("test-report")).toBeVisible();
  await expect(page.getByTestId("test-report")).toContainText("The connection test passed.");
  await expect(page.getByTestId("check-item").and(page.locator('[data-status="error"]'))).toHaveCount(0);
}

/** Authenticate as the admin at the sandbox IdP, then switch the connection on. */
export async function authenticateAndSwitchOn(page: Page, adminEmail: string) {
  await page.getByRole("button", { name: "Authenticate" }).click();
  await signInAtSandbox(page, adminEmail);
  await expect(page).toHaveURL(/authenticated=1/);
  await expect(page.getByText(adminEmail).first()).toBeVisible();
  await page.getByRole("button", { name: "Switch on" }).click();
  await expect(page.locator("h1 + span")).toHaveText("On");
}

/** A member signs in from the account's SSO page through the IdP. */
export async function memberSignsInWithSso(page: Page, slug: string, buttonText: string, email: string) {
  await page.goto(`/sso/${slug}`);
  await page.getByRole("button", { name: buttonText }).click();
  await signInAtSandbox(page, email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
}

/** The Okta wizard filled with a fresh sandbox client, saved. */
export async function configureOkta(page: Page) {
  const team = await createSsoTeam();
  const client = await createOidcClient("okta", "client_secret_post");
  await openWizard(page, team.admin.email, /Okta/);
  await page.getByLabel("Okta organisation URL").fill(client.issuer);
  await page.getByLabel("Client ID").fill(client.client_id);
  await page.getByLabel("Client secret").fill(client.client_secret!);
  await fillConnectionSettings(page, `Okta ${team.tag}`, `Sign in with Okta ${team.tag}`);
  await saveAndOpenConnection(page);
  return { team, client };
}
