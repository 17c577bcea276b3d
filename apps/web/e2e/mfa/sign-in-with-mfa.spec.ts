import { expect, formAlert, signIn, test } from "../support/fixtures";
import { codeFor, enrolInConsole, signOut } from "./authenticator";

test("a member enrols, then signs in with a code; a pending sign-in opens nothing and a code works once", async ({ page, browser, team }) => {
  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const { key } = await enrolInConsole(page);
  await expect(page.getByRole("link", { name: "Download as a text file" })).toHaveAttribute("download", "gatehouse-recovery-codes.txt");
  await page.reload();
  await expect(page.getByRole("list", { name: "Recovery codes" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/login\/mfa/);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  await expect(page.getByLabel("Remember this device for 30 days")).not.toBeChecked();
  // The password alone opens no console page.
  await page.goto("/settings/team");
  await expect(page).toHaveURL(/\/login\/mfa/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(formAlert(page)).toContainText("doesn't match");
  const code = codeFor(key, 1);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.member.email);

  // The same code again, from another browser, is refused as used.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, team.member.email);
  await expect(otherPage).toHaveURL(/\/login\/mfa/);
  await otherPage.getByLabel("Authentication code").fill(code);
  await otherPage.getByRole("button", { name: "Verify" }).click();
  await expect(formAlert(otherPage)).toContainText("already used");
  await other.close();
});

test("a recovery code signs in once and cannot be reused", async ({ page, team }) => {
  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const { recoveryCodes } = await enrolInConsole(page);
  const [first] = recoveryCodes;
  await signOut(page);

  await signIn(page, team.member.email);
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(first!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await signOut(page);

  await signIn(page, team.member.email);
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(first!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(formAlert(page)).toContainText("doesn't match an unused one");
  await expect(page).toHaveURL(/\/login\/mfa/);
});
