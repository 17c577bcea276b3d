import { eq, memberships, users } from "@gatehouse/db";
import { expect, test, waitForEmail } from "../support/fixtures";
import { addSandboxUser, signInAtSandbox } from "../support/sandbox";
import { seedProvider, tag } from "../support/providers";

test("a new person signs up with email and password, confirms by link, and creates a workspace", async ({ browser, page, db }) => {
  const id = tag();
  const email = `signup-${id}@e2e.test`;
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign up" }).click();
  await page.getByLabel("Your name").fill("Sam Signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  const startedAt = new Date();
  await page.getByRole("button", { name: "Sign up" }).click();
  // Bad input keeps what was typed.
  await expect(page.getByText(/Use at least \d+ characters/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // No login exists before the link is followed.
  expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);

  const message = await waitForEmail(email, /Confirm your email address/, startedAt);
  const link = message.links.find((href) => href.includes("/api/signup/verify?token="));
  expect(link).toBeDefined();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Your workspace" })).toBeVisible();
  await page.getByLabel("Workspace name").fill(`Sam's Team ${id}`);
  await page.getByLabel("Workspace address").fill(`sam-${id}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  expect(user!.emailVerifiedAt).not.toBeNull();
  const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
  expect(membership!.role).toBe("admin");

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link!);
  await expect(again.getByText("This sign-up link has expired or was already used.")).toBeVisible();
});

test("signing up with an address that has a login reveals nothing and tells its owner", async ({ page, team }) => {
  const startedAt = new Date();
  await page.goto("/signup");
  await page.getByLabel("Email").fill(team.member.email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await waitForEmail(team.member.email, /already have/, startedAt);
});

test("a new person signs up with a provider and creates their workspace", async ({ page, db }) => {
  const provider = await seedProvider(db);
  const person = `provider-signup-${provider.identifier}@e2e.test`;
  await addSandboxUser(person);
  await page.goto("/signup");
  await page.getByRole("button", { name: provider.buttonText }).click();
  await signInAtSandbox(page, person);
  await expect(page.getByRole("heading", { name: "Your workspace" })).toBeVisible();
  await page.getByLabel("Workspace name").fill(`Team ${provider.identifier}`);
  await page.getByLabel("Workspace address").fill(`team-${provider.identifier}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(person);
});

test("sign-up requests for one address are limited: the form says how long to wait and keeps what was typed", async ({ page }) => {
  const email = `flood-${tag()}@e2e.test`;
  for (let i = 0; i < 4; i++) {
    await page.goto("/signup");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Sign up" }).click();
    if (i < 3) await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await expect(page.getByText(/Too many sign-up requests for this address or from your network\. Try again in \d+ minutes?\./)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
});
