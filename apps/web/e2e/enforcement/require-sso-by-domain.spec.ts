import { accountDomains } from "@gatehouse/db";
import { expect, PASSWORD, signIn, test } from "../support/fixtures";
import { addMember, configureOkta, freshPage } from "../support/issue9-connections";
import { signInAtSandbox } from "../support/sandbox";
import { authenticateAndSwitchOn } from "../support/sso-wizard";

const atSandbox = () => new RegExp(`^${process.env.IDP_SANDBOX_URL!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

test("requiring SSO for a verified domain: confirmation checkbox, no password offered there, people elsewhere unaffected", async ({ browser, page, db }) => {
  test.setTimeout(150_000);
  const { team } = await configureOkta(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  const domain = `${team.tag}.e2e.test`;
  await db.insert(accountDomains).values({ accountId: team.account.id, domain, status: "verified", verificationToken: `e2e-${team.tag}` });
  const ada = `ada@${domain}`;
  await addMember(team, ada, { emailVerified: true });
  // Before: Ada may still use her password on the domain.
  const adaBrowser = await freshPage(browser);
  await adaBrowser.goto("/login");
  await adaBrowser.getByLabel("Email").fill(ada);
  await adaBrowser.getByRole("button", { name: "Use my password instead" }).click();
  await adaBrowser.getByLabel("Password").fill(PASSWORD);
  await adaBrowser.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(adaBrowser.getByTestId("signed-in-as")).toHaveText(ada);

  await page.goto("/settings/security");
  const row = page.getByTestId("domain-enforcement-row").filter({ hasText: domain });
  // The confirmation checkbox is required.
  await row.getByRole("button", { name: `Require SSO for people on ${domain}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Tick the box to confirm that people on this domain can then sign in only with SSO." })).toBeVisible();
  await page
    .getByTestId("domain-enforcement-row")
    .filter({ hasText: domain })
    .getByLabel(`I understand that people on ${domain} can then sign in only with SSO`)
    .check();
  await page
    .getByTestId("domain-enforcement-row")
    .filter({ hasText: domain })
    .getByRole("button", { name: `Require SSO for people on ${domain}` })
    .click();

  await expect(page.getByRole("heading", { name: `Require SSO for people on ${domain}` })).toBeVisible();
  // Ada is on a verified domain, so routed to the IdP: nobody is locked out. No admin is exempt yet.
  await expect(page.getByRole("heading", { name: "Nobody would be locked out" })).toBeVisible();
  await expect(page.getByText("Keep one admin exempt")).toBeVisible();
  await expect(page.getByText("1 session of affected members that was not signed in through SSO will end at once. They may lose unsaved work.")).toBeVisible();
  await page.getByLabel(`Type ${team.account.slug} to confirm`).fill(team.account.name);
  await page.getByRole("button", { name: "Require SSO" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "SSO is now required for people on that domain. 1 session not signed in through SSO ended." }),
  ).toBeVisible();
  await expect(page.getByTestId("domain-enforcement-row").filter({ hasText: domain })).toContainText("SSO required for people on this domain.");

  // Ada's password session ended; "Use my password instead" now leads to the IdP; a typed password is refused.
  await adaBrowser.reload();
  await expect(adaBrowser).toHaveURL(/\/login/);
  await adaBrowser.goto("/login");
  await adaBrowser.getByLabel("Email").fill(ada);
  await adaBrowser.getByRole("button", { name: "Use my password instead" }).click();
  await expect(adaBrowser).toHaveURL(atSandbox());
  await adaBrowser.goto(`/login?${new URLSearchParams({ email: ada }).toString()}`);
  await adaBrowser.getByLabel("Password").fill(PASSWORD);
  await adaBrowser.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(adaBrowser.locator("form [role=alert]")).toHaveText(`${team.account.name} requires signing in with SSO.`);
  await adaBrowser.getByRole("link", { name: `Sign in to ${team.account.name} with SSO` }).click();
  await signInAtSandbox(adaBrowser, ada);
  await expect(adaBrowser.getByTestId("signed-in-as")).toHaveText(ada);

  // The member off the domain still signs in with a password.
  const other = await freshPage(browser);
  await signIn(other, team.member.email);
  await expect(other.getByTestId("signed-in-as")).toHaveText(team.member.email);
});
