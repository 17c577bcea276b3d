import { expect, signIn, test, waitForEmail } from "../support/fixtures";
import { addSandboxUser, createOidcClient, createSsoTeam, signInAtSandbox } from "../support/sandbox";
import { testConnectionPasses } from "../support/sso-wizard";
import { openFromMailbox, saveOktaConnection, sendSetupLink } from "./setup-link-support";

test("a setup link that covers domains and SCIM: the IT admin finishes SSO, verifies a domain and creates a SCIM token; the admin sees it all", async ({
  browser,
  page,
  db,
}) => {
  const team = await createSsoTeam();
  const client = await createOidcClient("okta", "client_secret_post");
  const itAdmin = `it-${team.tag}@it.test`;
  const domain = `acme-${team.tag}.test`;
  const sentAfter = new Date();
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await sendSetupLink(page, itAdmin, ["Domains", "SCIM"]);
  const row = page.getByTestId("setup-link-row").filter({ hasText: itAdmin });
  await expect(row).toContainText("Single sign-on, Domains, SCIM");

  const recipient = await browser.newContext();
  const tab = await openFromMailbox(recipient, db, itAdmin, sentAfter);
  await expect(tab).toHaveURL(/\/setup$/);
  const setupNav = tab.getByRole("navigation", { name: "Setup" });
  await expect(setupNav.getByRole("link")).toHaveText(["Single sign-on", "Domains"]);

  // Single sign-on: save, test, authenticate at the sandbox IdP as the recipient.
  await saveOktaConnection(tab, client, team.tag);
  await testConnectionPasses(tab);
  await addSandboxUser(itAdmin);
  await tab.getByRole("button", { name: "Authenticate" }).click();
  await signInAtSandbox(tab, itAdmin);
  await expect(tab).toHaveURL(/\/setup\/[0-9a-f-]{36}\?authenticated=1/);

  // SCIM: the base URL and a token, shown once; the rest of SCIM stays with the admins.
  const scim = tab.getByRole("region", { name: "SCIM provisioning" });
  await scim.getByRole("button", { name: "Enable SCIM 2.0" }).click();
  await expect(tab.getByTestId("scim-token-reveal")).toBeVisible();
  await expect(tab.getByTestId("scim-revealed-token")).toHaveText(/\S{20,}/);
  await expect(tab.getByTestId("scim-base-url")).toContainText("/scim/v2/");
  await expect(scim.getByRole("button", { name: "Rotate token" })).toBeVisible();
  for (const adminOnly of ["Switch off SCIM", "Disable SCIM", "Revoke"]) await expect(scim.getByRole("button", { name: adminOnly })).toHaveCount(0);
  await expect(scim.getByRole("heading", { name: "Request log" })).toHaveCount(0);

  // Domains: add one, publish its TXT record at the sandbox DNS, verify.
  await setupNav.getByRole("link", { name: "Domains" }).click();
  await expect(tab.getByRole("heading", { name: `Verify domains for ${team.account.name}` })).toBeVisible();
  await tab.getByLabel("Domain").fill(domain);
  await tab.getByRole("button", { name: "Add domain" }).click();
  await expect(tab.getByText(`${domain} added. Publish the TXT record below, then click Verify now.`)).toBeVisible();
  const card = tab.getByRole("region", { name: domain });
  const name = (await card.getByText(/^_gatehouse-challenge\./).textContent())!;
  const value = (await card.getByText(/^gatehouse-verification=/).textContent())!;
  const dns = await recipient.newPage();
  await dns.goto(`${process.env.IDP_SANDBOX_URL}/dns`);
  await dns.getByLabel("Name").fill(name);
  await dns.getByLabel("Value").fill(value);
  await dns.getByRole("button", { name: "Publish record" }).click();
  await expect(dns.getByRole("cell", { name: value, exact: true })).toBeVisible();
  await dns.close();
  await card.getByRole("button", { name: "Verify now" }).click();
  await expect(tab.getByText(`${domain} is verified.`)).toBeVisible();
  // What a verified domain does stays with the admins.
  await expect(card.getByRole("link", { name: "Remove" })).toHaveCount(0);
  await expect(card.getByLabel("Joining")).toHaveCount(0);
  await tab.screenshot({ path: test.info().outputPath("setup-link-domains.png"), fullPage: true });

  // Nothing else of the account: the console asks for a sign-in.
  for (const path of ["/settings/team", "/settings/domains", "/settings/security"]) {
    await tab.goto(path);
    await expect(tab).toHaveURL(/\/login/);
  }

  // The admin gets the ready email and sees every step.
  const ready = await waitForEmail(team.admin.email, /is ready to switch on/, sentAfter);
  expect(ready.text).toContain(itAdmin);
  await page.reload();
  for (const step of ["Opened", "Connection saved", "Test passed", "Authenticate passed", "Domain verified", "SCIM token created"]) {
    await expect(row.getByText(`✓ ${step}`)).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath("setup-link-scope-progress.png"), fullPage: true });
  await recipient.close();
});

test("a setup link for single sign-on only shows no domains or SCIM", async ({ browser, page, db }) => {
  const team = await createSsoTeam();
  const itAdmin = `sso-only-${team.tag}@it.test`;
  const sentAfter = new Date();
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await sendSetupLink(page, itAdmin);
  const row = page.getByTestId("setup-link-row").filter({ hasText: itAdmin });
  await expect(row.getByText("Domain verified")).toHaveCount(0);
  await expect(row.getByText("SCIM token created")).toHaveCount(0);

  const recipient = await browser.newContext();
  const tab = await openFromMailbox(recipient, db, itAdmin, sentAfter);
  await expect(tab).toHaveURL(/\/setup$/);
  await expect(tab.getByRole("navigation", { name: "Setup" })).toHaveCount(0);
  const response = await tab.goto("/setup/domains");
  expect(response?.status()).toBe(404);
  await recipient.close();
});
