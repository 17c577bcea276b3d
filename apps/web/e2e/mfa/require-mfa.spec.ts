import { accounts, eq } from "@gatehouse/db";
import { expect, signIn, test } from "../support/fixtures";
import { codeFor, enrolDirectly, signOut } from "./authenticator";

test("an account requiring MFA walks an unenrolled member through enrolment before the console", async ({ page, db, team }) => {
  await db.update(accounts).set({ requireMfa: true }).where(eq(accounts.id, team.accountId));
  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/login\/mfa/);
  await expect(page.getByRole("heading", { name: "Set up two-step verification" })).toBeVisible();
  await page.goto("/settings/team");
  await expect(page).toHaveURL(/\/login\/mfa/);

  const key = (await page.getByTestId("mfa-manual-key").innerText()).trim();
  await page.getByLabel("Code from your app").fill(codeFor(key));
  await page.getByRole("button", { name: "Turn on MFA" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  // Not in yet: the codes come first.
  await page.getByRole("button", { name: "I saved my recovery codes, continue" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.member.email);
});

test("an admin resets a member's MFA after a confirmation, which signs the member out, and the member signs in without it", async ({
  page,
  browser,
  db,
  team,
}) => {
  const key = await enrolDirectly(db, team.member);
  const memberPage = await (await browser.newContext()).newPage();
  await signIn(memberPage, team.member.email);
  await memberPage.getByLabel("Authentication code").fill(codeFor(key, 1));
  await memberPage.getByRole("button", { name: "Verify" }).click();
  await expect(memberPage).toHaveURL(/\/settings\/team/);

  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const row = page.getByTestId("member-row").filter({ hasText: team.member.email });
  await expect(row.getByText("On", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: `Actions for ${team.member.email}` }).click();
  await page.getByRole("menuitem", { name: "Reset MFA…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Reset MFA for ${team.member.email}?` });
  await expect(dialog.getByText("signed out everywhere")).toBeVisible();
  await dialog.getByRole("button", { name: "Yes, reset MFA" }).click();
  await expect(page.getByText(`Two-step verification was reset for ${team.member.email} and they were signed out everywhere`).first()).toBeVisible();
  await memberPage.goto("/settings/team");
  await expect(memberPage).toHaveURL(/\/login/);
  await expect(page.getByTestId("member-row").filter({ hasText: team.member.email }).getByText("Off", { exact: true })).toBeVisible();
  await signOut(page);

  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/settings\/team/);
});
