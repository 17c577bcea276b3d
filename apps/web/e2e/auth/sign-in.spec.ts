import { expect, formAlert, signIn, test, PASSWORD } from "../support/fixtures";

test("the demo admin signs in and lands on the team page", async ({ page }) => {
  await signIn(page, "admin@acme.test", "gatehouse-demo");
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByRole("heading", { name: "Team members" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("admin@acme.test");
});

test("email case does not matter", async ({ page, team }) => {
  await signIn(page, team.admin.email.toUpperCase());
  await expect(page).toHaveURL(/\/settings\/team/);
});

test("a wrong password and an unknown email get the same answer", async ({ page, team }) => {
  await signIn(page, team.member.email, "not-the-password");
  const wrongPassword = await formAlert(page).textContent();
  await signIn(page, "nobody-here@e2e.test", "not-the-password");
  const unknownEmail = await formAlert(page).textContent();
  expect(wrongPassword).toContain("don't match");
  expect(unknownEmail).toBe(wrongPassword);
});

test("inline validation names the problem before anything is sent", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test("repeated failures are rate limited with a clear wait", async ({ page, team }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, team.member.email, `wrong-${i}-password`);
    await expect(formAlert(page)).toContainText("don't match");
  }
  await signIn(page, team.member.email, PASSWORD);
  await expect(formAlert(page)).toContainText(/Try again in 1[45] minutes/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign in works with plain form posts", async ({ page, team }) => {
    await signIn(page, team.admin.email);
    await expect(page).toHaveURL(/\/settings\/team/);
    await expect(page.getByRole("heading", { name: "Team members" })).toBeVisible();
  });

  test("a wrong password shows the error", async ({ page, team }) => {
    await signIn(page, team.admin.email, "wrong-password-here");
    await expect(formAlert(page)).toContainText("don't match");
  });
});

test("sign out ends the session", async ({ page, team, context }) => {
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old cookie does not bring the session back: the server-side row is gone.
  await context.addCookies(cookies);
  await page.goto("/settings/team");
  await expect(page).toHaveURL(/\/login/);
});

test("an off-site callbackUrl is ignored", async ({ page, team }) => {
  await page.goto("/login?callbackUrl=https://evil.test/");
  await page.getByLabel("Email").fill(team.admin.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/settings\/team/);
});
