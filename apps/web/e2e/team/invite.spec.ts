import { randomBytes } from "node:crypto";
import { expect, signIn, test, waitForEmail } from "../support/fixtures";

test("an admin invites a member, who sets a password and joins", async ({ browser, page, team }) => {
  const invitee = `new-${randomBytes(3).toString("hex")}@e2e.test`;
  await signIn(page, team.admin.email);
  const sentAfter = new Date();
  await page.getByLabel("Email").fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText(`Invite sent to ${invitee}.`)).toBeVisible();
  await expect(page.getByTestId("invite-row").filter({ hasText: invitee })).toBeVisible();

  const email = await waitForEmail(invitee, /invit/i, sentAfter);
  const link = email.links.find((l) => l.includes("/invite/"));
  expect(link).toBeTruthy();

  const inviteeContext = await browser.newContext();
  const inviteePage = await inviteeContext.newPage();
  await inviteePage.goto(link!);
  await expect(inviteePage.getByRole("heading", { name: /Join Team/ })).toBeVisible();
  await inviteePage.getByLabel("Your name").fill("Nina New");
  await inviteePage.getByLabel("Choose a password").fill("short");
  await inviteePage.getByRole("button", { name: "Accept invite" }).click();
  await expect(inviteePage.getByText("Use at least 10 characters.")).toBeVisible();
  await inviteePage.getByLabel("Choose a password").fill("nina-new-password");
  await inviteePage.getByRole("button", { name: "Accept invite" }).click();
  await expect(inviteePage).toHaveURL(/\/settings\/team/);
  await expect(inviteePage.getByText("Welcome to Team")).toBeVisible();
  await expect(inviteePage.getByTestId("signed-in-as")).toHaveText(invitee);

  await page.reload();
  await expect(page.getByTestId("member-row").filter({ hasText: invitee })).toBeVisible();
  await inviteeContext.close();
});

test("inviting someone who is already a member says so", async ({ page, team }) => {
  await signIn(page, team.admin.email);
  await page.getByLabel("Email").fill(team.member.email);
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "is already a member" })).toBeVisible();
});
