import { eq, ssoConnections } from "@gatehouse/db";
import { expect, signIn, test } from "../support/fixtures";
import { addMember, configureOkta, freshPage, startSsoSignIn } from "../support/issue9-connections";
import { signInAtSandbox } from "../support/sandbox";
import { authenticateAndSwitchOn } from "../support/sso-wizard";

test("requiring SSO: refused without a fresh test, the exact lockout list, typed confirmation, sessions ended, password refused with the SSO button, allowed when exempt", async ({
  browser,
  page,
  db,
}) => {
  test.setTimeout(180_000);
  const { team, buttonText } = await configureOkta(page);
  const connectionUrl = page.url();
  await authenticateAndSwitchOn(page, team.admin.email);

  // Someone who already signs in through SSO is not at risk, and keeps their SSO session.
  const ssoPersonEmail = `sso-person-${team.tag}@e2e.test`;
  await addMember(team, ssoPersonEmail, { emailVerified: true });
  const ssoPerson = await freshPage(browser);
  await startSsoSignIn(ssoPerson, team.account.slug, buttonText, ssoPersonEmail);
  await expect(ssoPerson.getByTestId("signed-in-as")).toHaveText(ssoPersonEmail);

  // The member is signed in with a password in their own browser.
  const member = await freshPage(browser);
  await signIn(member, team.member.email);
  await expect(member).toHaveURL(/\/settings\/team/);

  // The last successful Authenticate was two days ago: requiring SSO is refused.
  await db
    .update(ssoConnections)
    .set({ verifiedAt: new Date(Date.now() - 48 * 3_600_000) })
    .where(eq(ssoConnections.accountId, team.account.id));
  await page.goto("/settings/security");
  await page.getByLabel("SSO only").check();
  await page.getByRole("button", { name: "Save requirement" }).click();
  await expect(page.getByRole("heading", { name: `Require SSO for every member of ${team.account.name}` })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "No switched-on connection has signed in successfully in the last 24 hours" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Require SSO" })).toHaveCount(0);

  // "I already tested this connection" rests on that success and unlocks it.
  await page.goto(connectionUrl);
  await page.getByRole("button", { name: "I already tested this connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as tested." })).toBeVisible();

  // Break-glass: the admin keeps a password ("SSO off"), visible as a badge on the team page.
  await page.goto("/settings/team");
  await page.getByLabel(`SSO off for ${team.admin.email}`, { exact: true }).check();
  await page.getByRole("button", { name: `Save SSO exemption for ${team.admin.email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "SSO exemption saved." })).toBeVisible();
  await expect(
    page
      .getByTestId("member-row")
      .filter({ hasText: team.admin.email })
      .getByTitle(/May sign in with a password while this account requires SSO/),
  ).toHaveText("SSO off");

  await page.goto("/settings/security");
  await page.getByLabel("SSO only").check();
  await page.getByRole("button", { name: "Save requirement" }).click();
  // Exactly the member who never used SSO is listed: not the exempt admin, not the SSO user.
  const rows = page.getByTestId("locked-out-row");
  await expect(page.getByRole("heading", { name: "1 person would be locked out" })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(team.member.email);
  await expect(page.getByText("Keep one admin exempt")).toHaveCount(0);
  await expect(page.getByText("1 session of affected members that was not signed in through SSO will end at once. They may lose unsaved work.")).toBeVisible();

  await page.getByLabel(`Type ${team.account.slug} to confirm`).fill("not-the-slug");
  await page.getByRole("button", { name: "Require SSO" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `To confirm, type the account's sign-in name “${team.account.slug}” exactly.` })).toBeVisible();
  await page.getByLabel(`Type ${team.account.slug} to confirm`).fill(team.account.slug);
  await page.getByRole("button", { name: "Require SSO" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "SSO is now required to sign in to this account. 1 session not signed in through SSO ended." }),
  ).toBeVisible();
  await expect(page.getByLabel("SSO only")).toBeChecked();

  // The member's password session has ended; the SSO session and the exempt admin's have not.
  await member.reload();
  await expect(member).toHaveURL(/\/login/);
  await ssoPerson.reload();
  await expect(ssoPerson.getByTestId("signed-in-as")).toHaveText(ssoPersonEmail);

  // The member's password is refused with the reason and the account's SSO button, which works.
  await signIn(member, team.member.email);
  await expect(member.locator("form [role=alert]")).toHaveText(`${team.account.name} requires signing in with SSO.`);
  await member.getByRole("link", { name: `Sign in to ${team.account.name} with SSO` }).click();
  await signInAtSandbox(member, team.member.email);
  await expect(member.getByTestId("signed-in-as")).toHaveText(team.member.email);

  // With "SSO off" the member's password works again.
  await page.goto("/settings/team");
  await page.getByLabel(`SSO off for ${team.member.email}`, { exact: true }).check();
  await page.getByRole("button", { name: `Save SSO exemption for ${team.member.email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "SSO exemption saved." })).toBeVisible();
  const exempt = await freshPage(browser);
  await signIn(exempt, team.member.email);
  await expect(exempt).toHaveURL(/\/settings\/team/);
  await expect(exempt.getByTestId("signed-in-as")).toHaveText(team.member.email);
});
