import { expect, signIn, test, waitForEmail, PASSWORD } from "../support/fixtures";

test("forgot password: the link resets it once and ends every other session", async ({ browser, page, team }) => {
  // Another browser is signed in as the member.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, team.member.email);
  await expect(otherPage).toHaveURL(/\/settings\/team/);

  const sentAfter = new Date();
  await page.goto("/login");
  await page.getByLabel("Email").fill(team.member.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/we sent it a link/)).toBeVisible();

  const email = await waitForEmail(team.member.email, /password/i, sentAfter);
  const link = email.links.find((l) => l.includes("/reset-password?token="));
  expect(link).toBeTruthy();
  await page.goto(link!);
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("Confirm new password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed")).toBeVisible();

  await page.getByLabel("Password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);

  // The other browser's next request lands on /login.
  await otherPage.getByRole("link", { name: "Team" }).click();
  await expect(otherPage).toHaveURL(/\/login/);

  // The link works once.
  await page.goto(link!);
  await expect(page.getByText("This link has expired or was already used")).toBeVisible();
  await other.close();
  void PASSWORD;
});

test("forgot password gives the same answer for an unknown email", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("nobody-at-all@e2e.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If nobody-at-all@e2e.test has a Gatehouse account, we sent it a link/)).toBeVisible();
});
