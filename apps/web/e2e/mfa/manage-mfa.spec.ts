import { accounts, eq } from "@gatehouse/db";
import { expect, formAlert, signIn, test } from "../support/fixtures";
import { codeFor, enrolDirectly, signOut } from "./authenticator";

test("'remember this device' skips the code next time, and making new recovery codes needs a code", async ({ page, db, team }) => {
  const key = await enrolDirectly(db, team.member);
  await signIn(page, team.member.email);
  await page.getByLabel("Authentication code").fill(codeFor(key));
  await page.getByLabel("Remember this device for 30 days").check();
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await signOut(page);
  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/settings\/team/);

  await page.getByRole("link", { name: "Two-step verification" }).click();
  await page.getByLabel("Code from your app", { exact: true }).fill("123123");
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(formAlert(page)).toContainText("doesn't match");
  await page.getByLabel("Code from your app", { exact: true }).fill(codeFor(key, 1));
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page.getByText("Your old codes no longer work")).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
});

test("a member turns MFA off with a current code; refused while the account requires it", async ({ page, db, team }) => {
  const key = await enrolDirectly(db, team.member);
  await signIn(page, team.member.email);
  await page.getByLabel("Authentication code").fill(codeFor(key));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await page.goto("/settings/account/mfa");
  await page.getByLabel("Code from your app to confirm").fill(codeFor(key, 1));
  await page.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("Two-step verification is off.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Set up an authenticator app" })).toBeVisible();

  // Enrolled again, in an account that now requires MFA: the page no longer offers to turn it off.
  await enrolDirectly(db, team.member);
  await db.update(accounts).set({ authRequired: "mfa" }).where(eq(accounts.id, team.accountId));
  await page.reload();
  await expect(page.getByText("Your account requires it, so it cannot be turned off.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn off" })).toHaveCount(0);
});

test("without JavaScript: the enrolment walk-through and the code step", async ({ browser, db, team }) => {
  await db.update(accounts).set({ requireMfa: true }).where(eq(accounts.id, team.accountId));
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/login\/mfa/);
  const key = (await page.getByTestId("mfa-manual-key").innerText()).trim();
  await page.getByLabel("Code from your app", { exact: true }).fill(codeFor(key));
  await page.getByRole("button", { name: "Turn on MFA" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I saved my recovery codes, continue" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await signOut(page);

  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/login\/mfa/);
  await page.getByLabel("Authentication code").fill(codeFor(key, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await context.close();
});
