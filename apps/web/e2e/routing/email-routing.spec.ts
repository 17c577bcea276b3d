import type { Page } from "@playwright/test";
import { accountDomains, eq, type Database } from "@gatehouse/db";
import { expect, PASSWORD, test } from "../support/fixtures";
import { addMember, configureOkta, configureSamlByHand, freshPage, type SsoTeam } from "../support/issue9-connections";
import { createOidcClient, createSamlApp, createSsoTeam, signInAtSandbox } from "../support/sandbox";
import { authenticateAndSwitchOn, fillConnectionSettings, saveAndOpenConnection } from "../support/sso-wizard";

// Issue 13, email-first routing: a member types their email on /login and lands at their IdP.
// Each test verifies its own domain (<tag>.e2e.test) by inserting the row DOMAINS' UI would.

async function verifyDomain(db: Database, team: SsoTeam) {
  const domain = `${team.tag}.e2e.test`;
  await db.insert(accountDomains).values({ accountId: team.account.id, domain, status: "verified", verificationToken: `e2e-${team.tag}` });
  return domain;
}

/** A member on the verified domain, known here and at the sandbox IdP. */
async function memberOnDomain(team: SsoTeam, domain: string) {
  const email = `ada@${domain}`;
  await addMember(team, email, { emailVerified: true });
  return email;
}

const atSandbox = () => new RegExp(`^${process.env.IDP_SANDBOX_URL!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

async function typeEmail(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
}

/** "Use my password instead" on the email step, then the password. */
async function passwordInstead(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Use my password instead" }).click();
  await expect(page.getByTestId("login-email")).toHaveText(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signedInAs(page: Page, email: string) {
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
}

/** An Okta connection added to an existing team by its signed-in admin, then switched on. */
async function addOkta(page: Page, team: SsoTeam) {
  const client = await createOidcClient("okta", "client_secret_post");
  const buttonText = `Sign in with Okta ${team.tag}`;
  await page.goto("/settings/security");
  await page.getByRole("link", { name: /Okta/ }).click();
  await page.getByLabel("Okta organisation URL").fill(client.issuer);
  await page.getByLabel("Client ID").fill(client.client_id);
  await page.getByLabel("Client secret").fill(client.client_secret!);
  await fillConnectionSettings(page, `Okta ${team.tag}`, buttonText);
  await saveAndOpenConnection(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  return buttonText;
}

test("OIDC: the member types their email and is at the IdP in one step; the browser remembers the choice", async ({ browser, page, db }) => {
  const { team } = await configureOkta(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  const domain = await verifyDomain(db, team);
  const email = await memberOnDomain(team, domain);

  const member = await freshPage(browser);
  await typeEmail(member, email);
  await expect(member).toHaveURL(atSandbox());
  await expect(member.getByLabel("Email")).toHaveValue(email); // login_hint reached the IdP
  await signInAtSandbox(member, email);
  await signedInAs(member, email);

  // Signed out, the same browser offers the last choice: one click and the IdP again.
  await member.getByRole("button", { name: "Sign out" }).click();
  await expect(member).toHaveURL(/\/login/);
  const again = member.getByRole("button", { name: `Continue as ${email} with Okta ${team.tag}` });
  await expect(again).toBeVisible();
  await expect(member.getByRole("link", { name: "Use my password instead" })).toBeVisible();
  // Once the domain enforces SSO, the remembered choice offers no password that would be refused.
  await db.update(accountDomains).set({ enforceSso: true }).where(eq(accountDomains.domain, domain));
  await member.reload();
  await expect(again).toBeVisible();
  await expect(member.getByRole("link", { name: "Use my password instead" })).toHaveCount(0);
  await db.update(accountDomains).set({ enforceSso: false }).where(eq(accountDomains.domain, domain));
  await again.click();
  await expect(member).toHaveURL(atSandbox());
  await signInAtSandbox(member, email);
  await signedInAs(member, email);
  const remembered = (await member.context().cookies()).find((c) => c.name === "gh_last_sso");
  expect(remembered).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(remembered!.expires * 1000 - Date.now()).toBeGreaterThan(89 * 24 * 3600 * 1000);

  // "Use another account" forgets it and shows the email step.
  await member.getByRole("button", { name: "Sign out" }).click();
  await member.getByRole("button", { name: "Use another account" }).click();
  await expect(member.getByLabel("Email")).toBeVisible();
  await member.goto("/login");
  await expect(member.getByLabel("Email")).toBeVisible();

  // Someone with no login here on the same domain gets the very same answer: the IdP.
  const stranger = await freshPage(browser);
  await typeEmail(stranger, `nobody@${domain}`);
  await expect(stranger).toHaveURL(atSandbox());

  // Someone with a password here is never trapped at the IdP.
  const withPassword = await freshPage(browser);
  await passwordInstead(withPassword, email);
  await signedInAs(withPassword, email);

  // The canonical entry point starts the account's only connection.
  const linked = await freshPage(browser);
  await linked.goto(`/api/auth/sso/${team.account.slug}/login`);
  await expect(linked).toHaveURL(atSandbox());
  await signInAtSandbox(linked, email);
  await signedInAs(linked, email);
});

test("SAML: the member types their email and is at the IdP; with a second connection, a choice", async ({ browser, page, db }) => {
  const team = await createSsoTeam();
  const app = await createSamlApp(`Gatehouse ${team.tag}`);
  const samlButton = `Sign in with SAML ${team.tag}`;
  await configureSamlByHand(page, team, app, samlButton);
  await authenticateAndSwitchOn(page, team.admin.email);
  const domain = await verifyDomain(db, team);
  const email = await memberOnDomain(team, domain);

  const member = await freshPage(browser);
  await typeEmail(member, email);
  await expect(member).toHaveURL(atSandbox());
  await signInAtSandbox(member, email);
  await signedInAs(member, email);

  // A second connection: the email step now offers both, with the password as a way out.
  const oktaButton = await addOkta(page, team);
  const chooser = await freshPage(browser);
  await typeEmail(chooser, email);
  await expect(chooser).toHaveURL(/\/login\?.*step=sso/);
  await expect(chooser.getByTestId("login-email")).toHaveText(email);
  await expect(chooser.getByRole("button", { name: samlButton })).toBeVisible();
  await expect(chooser.getByRole("button", { name: oktaButton })).toBeVisible();
  await chooser.getByRole("link", { name: "Use my password instead" }).click();
  await expect(chooser.getByLabel("Password")).toBeVisible();
  await expect(chooser.getByTestId("login-email")).toHaveText(email);
  await chooser.goBack();
  await chooser.getByRole("button", { name: oktaButton }).click();
  await expect(chooser).toHaveURL(atSandbox());
  await expect(chooser.getByLabel("Email")).toHaveValue(email);
  await signInAtSandbox(chooser, email);
  await signedInAs(chooser, email);

  // With several connections, the canonical entry point shows the account's SSO page.
  const linked = await freshPage(browser);
  await linked.goto(`/api/auth/sso/${team.account.slug}/login`);
  await expect(linked).toHaveURL(new RegExp(`/sso/${team.account.slug}`));
  await expect(linked.getByRole("button", { name: samlButton })).toBeVisible();
  await expect(linked.getByRole("button", { name: oktaButton })).toBeVisible();
});

test("an email on a domain nobody verified gets the password step, whether or not its person exists", async ({ page, team }) => {
  const screens: string[] = [];
  for (const email of [team.member.email, `nobody-${team.slug}@e2e.test`]) {
    await typeEmail(page, email);
    await expect(page.getByLabel("Password")).toBeVisible();
    await expect(page.getByTestId("login-email")).toHaveText(email);
    screens.push((await page.locator("main").innerText()).replace(email, "<email>"));
  }
  expect(screens[0]).toBe(screens[1]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the email step, /sso by email and /sso's errors work with plain forms", async ({ browser, page, db }) => {
    // The admin's set-up runs with JavaScript; the member's pages below have none.
    const admin = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    const { team } = await configureOkta(admin);
    await authenticateAndSwitchOn(admin, team.admin.email);
    const domain = await verifyDomain(db, team);
    const email = await memberOnDomain(team, domain);

    await typeEmail(page, email);
    await expect(page).toHaveURL(atSandbox());
    await signInAtSandbox(page, email);
    await signedInAs(page, email);

    const other = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await other.goto("/sso");
    await other.getByLabel("Work email or sign-in name").fill("ada@@nowhere");
    await other.getByRole("button", { name: "Continue" }).click();
    await expect(other.getByText("That email address is not valid.")).toBeVisible();
    await expect(other.getByLabel("Work email or sign-in name")).toHaveValue("ada@@nowhere");
    await other.getByLabel("Work email or sign-in name").fill(`ada@unverified-${team.tag}.e2e.test`);
    await other.getByRole("button", { name: "Continue" }).click();
    await expect(other.getByText("Single sign-on is not set up for that email's domain.")).toBeVisible();
    await expect(other.getByLabel("Work email or sign-in name")).toHaveValue(`ada@unverified-${team.tag}.e2e.test`);
    await other.getByLabel("Work email or sign-in name").fill("Not a slug!");
    await other.getByRole("button", { name: "Continue" }).click();
    await expect(other.getByText("A sign-in name uses only letters")).toBeVisible();
    await other.getByLabel("Work email or sign-in name").fill(team.account.slug);
    await other.getByRole("button", { name: "Continue" }).click();
    await expect(other).toHaveURL(new RegExp(`/sso/${team.account.slug}`));
    await other.goto("/sso");
    await other.getByLabel("Work email or sign-in name").fill(email);
    await other.getByRole("button", { name: "Continue" }).click();
    await expect(other).toHaveURL(atSandbox());
    await signInAtSandbox(other, email);
    await signedInAs(other, email);

    const withPassword = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await passwordInstead(withPassword, email);
    await signedInAs(withPassword, email);
  });
});
