import { eq, ssoConnections } from "@gatehouse/db";
import { expect, test, waitForEmail } from "../support/fixtures";
import { authenticateAndSwitchOn, configureOkta, memberSignsInWithSso, testConnectionPasses } from "../support/sso-wizard";

test("an account admin disables SSO: SSO sessions end, then reset emails go to chosen members", async ({ browser, page, db }) => {
  const { team } = await configureOkta(page);
  await testConnectionPasses(page);
  await authenticateAndSwitchOn(page, team.admin.email);

  const memberPage = await (await browser.newContext()).newPage();
  await memberSignsInWithSso(memberPage, team.account.slug, `Sign in with Okta ${team.tag}`, team.member.email);

  await page.goto("/settings/security");
  await page.getByRole("link", { name: "Disable SSO…" }).click();
  await expect(page.getByText("Every session signed in through SSO ends now")).toBeVisible();
  await expect(page.getByText("Members keep their existing login: do not create a new one.")).toBeVisible();
  await page.getByLabel(`Type ${team.account.name} to confirm`).fill("Some other account");
  await page.getByRole("button", { name: "Disable SSO" }).click();
  await expect(page.getByText(`Type ${team.account.name} to confirm.`)).toBeVisible();

  await page.getByLabel(`Type ${team.account.name} to confirm`).fill(team.account.name);
  await page.getByRole("button", { name: "Disable SSO" }).click();
  await expect(page).toHaveURL(/\/settings\/security\/password-resets/);
  await expect(page.getByText(/SSO is off: 1 connection\(s\) switched off and 1 SSO session\(s\) ended/)).toBeVisible();
  const connections = await db.select().from(ssoConnections).where(eq(ssoConnections.accountId, team.account.id));
  expect(connections.map((c) => c.enabled)).toEqual([false]);

  // The member's SSO session ended: their next click lands on the sign-in page.
  await memberPage.getByRole("link", { name: "Team" }).click();
  await expect(memberPage).toHaveURL(/\/login/);

  await expect(page.getByText("Members keep their existing login: do not create a new one.")).toBeVisible();
  await page.getByLabel("Only the members ticked below").check();
  await page.getByLabel(team.member.email).check();
  await page.getByRole("button", { name: "Send reset emails" }).click();
  await expect(page.getByText("Password reset links sent to 1 member.")).toBeVisible();
  const mail = await waitForEmail(team.member.email, /now signs in with a password/);
  expect(mail.text).toContain("Members keep their existing login: do not create a new one.");
  expect(mail.links.some((link) => link.includes("/reset-password?token="))).toBe(true);
});
