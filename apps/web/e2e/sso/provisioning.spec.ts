import { expect, test } from "../support/fixtures";
import { addSandboxUser } from "../support/sandbox";
import { authenticateAndSwitchOn, memberSignsInWithSso } from "../support/sso-wizard";
import { configureOkta, freshPage, startSsoSignIn } from "../support/issue9-connections";

test("just-in-time provisioning makes a newcomer a member with the chosen role", async ({ browser, page }) => {
  const { team, buttonText } = await configureOkta(page, { provisioning: "jit", jitRole: "admin" });
  await authenticateAndSwitchOn(page, team.admin.email);
  const newcomer = `newcomer-${team.tag}@e2e.test`;
  await addSandboxUser(newcomer);

  const newcomerPage = await freshPage(browser);
  await memberSignsInWithSso(newcomerPage, team.account.slug, buttonText, newcomer);
  // An Account Admin sees the admin-only part of the console.
  await expect(newcomerPage.getByRole("link", { name: "Security" })).toBeVisible();

  await page.goto("/settings/team");
  await expect(page.getByTestId("member-row").filter({ hasText: newcomer })).toBeVisible();
  await expect(page.getByLabel(`Role for ${newcomer}`, { exact: true })).toHaveValue("admin");
  await expect(page.getByLabel(`Role for ${newcomer}`, { exact: true }).locator("option:checked")).toHaveText("Account Admin");
});

test("match only (the default) refuses an email that is not a member, and says what to do", async ({ browser, page }) => {
  const { team, buttonText } = await configureOkta(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  const stranger = `stranger-${team.tag}@e2e.test`;
  await addSandboxUser(stranger);

  const strangerPage = await freshPage(browser);
  await startSsoSignIn(strangerPage, team.account.slug, buttonText, stranger);
  await expect(strangerPage.getByRole("heading", { name: "We could not sign you in" })).toBeVisible();
  await expect(strangerPage.getByText("Your email address is not a member of this account.")).toBeVisible();
  await expect(strangerPage.getByText("Ask your admin to add you to the team, then sign in again.")).toBeVisible();

  await page.goto("/settings/team");
  await expect(page.getByTestId("member-row").filter({ hasText: team.member.email })).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: stranger })).toHaveCount(0);
});
