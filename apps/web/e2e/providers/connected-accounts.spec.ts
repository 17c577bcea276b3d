import { eq, loginProviderIdentities, users } from "@gatehouse/db";
import { expect, signIn, test } from "../support/fixtures";
import { addSandboxUser, signInAtSandbox } from "../support/sandbox";
import { seedProvider, signInWithProvider } from "../support/providers";

test("an existing user links and unlinks Google from their account page", async ({ page, db, team }) => {
  const provider = await seedProvider(db);
  // The signed-in user starts the link, so any Google address may be linked: no email match needed.
  const googleEmail = `personal-${provider.identifier}@gmail.test`;
  await addSandboxUser(googleEmail);
  await signIn(page, team.member.email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.member.email);
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await page.getByRole("button", { name: `Link ${provider.name}` }).click();
  await signInAtSandbox(page, googleEmail);
  await expect(page.getByText(`${provider.name} is now linked to your login.`)).toBeVisible();
  const list = page.getByRole("list", { name: "Connected accounts" });
  await expect(list).toContainText(googleEmail);
  await expect(list).toContainText("linked");

  await page.getByRole("button", { name: `Unlink ${provider.name}` }).click();
  await expect(page.getByText(`${provider.name} is no longer linked.`)).toBeVisible();
  expect(await db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, team.member.id))).toHaveLength(0);
});

test("the last way in cannot be unlinked until a password is set", async ({ page, db }) => {
  const provider = await seedProvider(db);
  const person = `only-google-${provider.identifier}@e2e.test`;
  await addSandboxUser(person);
  await signInWithProvider(page, provider.buttonText, person);
  await expect(page).toHaveURL(/\/no-account/);
  await page.goto("/settings/account");
  await page.getByRole("button", { name: `Unlink ${provider.name}` }).click();
  await expect(page.getByText("This is your only way to sign in. Set a password or link another provider first.")).toBeVisible();
  const [user] = await db.select().from(users).where(eq(users.email, person));
  expect(await db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, user!.id))).toHaveLength(1);

  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("Repeat the new password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password set")).toBeVisible();
  await page.getByRole("button", { name: `Unlink ${provider.name}` }).click();
  await expect(page.getByText(`${provider.name} is no longer linked.`)).toBeVisible();
});

test("a user sees their other sessions and ends them", async ({ browser, page, team }) => {
  const other = await (await browser.newContext({ userAgent: "OtherDevice/1.0" })).newPage();
  await signIn(other, team.member.email);
  await expect(other.getByTestId("signed-in-as")).toHaveText(team.member.email);
  await signIn(page, team.member.email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.member.email);
  await page.goto("/settings/account");
  const sessionsList = page.getByRole("list", { name: "Sessions" });
  await expect(sessionsList).toContainText("OtherDevice/1.0");
  await expect(sessionsList).toContainText("This session");
  await page.getByRole("button", { name: "End all other sessions" }).click();
  await expect(page.getByText("1 session ended.")).toBeVisible();
  await other.goto("/settings/team");
  await expect(other).toHaveURL(/\/login/);
});
