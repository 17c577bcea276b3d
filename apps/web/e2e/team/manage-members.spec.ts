import { ensureAccount, ensureMember } from "@gatehouse/core";
import { expect, signIn, test, PASSWORD } from "../support/fixtures";

test("removing a member ends their session: their next click lands on /login", async ({ browser, page, team }) => {
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, team.member.email);
  await expect(memberPage).toHaveURL(/\/settings\/team/);

  await signIn(page, team.admin.email);
  await page.getByRole("button", { name: `Actions for ${team.member.email}` }).click();
  await page.getByRole("menuitem", { name: "Remove…" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText("Member removed. Their sessions have ended.")).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: team.member.email })).toHaveCount(0);

  await memberPage.getByRole("link", { name: "Team" }).click();
  await expect(memberPage).toHaveURL(/\/login/);
  await memberContext.close();
});

test("roles change, and the last admin cannot be demoted", async ({ page, team }) => {
  await signIn(page, team.admin.email);
  await page.getByLabel(`Role for ${team.admin.email}`, { exact: true }).selectOption("member");
  await page.getByRole("button", { name: `Save role for ${team.admin.email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Make me a Member" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "last admin" })).toBeVisible();

  await page.getByLabel(`Role for ${team.member.email}`, { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: `Save role for ${team.member.email}` }).click();
  await expect(page.getByText("Role updated.")).toBeVisible();
  await expect(page.getByLabel(`Role for ${team.member.email}`, { exact: true })).toHaveValue("admin");
});

test("an admin sends a member a password reset email", async ({ page, team }) => {
  await signIn(page, team.admin.email);
  await page.getByRole("button", { name: `Actions for ${team.member.email}` }).click();
  await page.getByRole("menuitem", { name: "Send password reset" }).click();
  await expect(page.getByText("Password reset email sent.")).toBeVisible();
});

test("search and pagination list the right members", async ({ page, team, db }) => {
  for (let i = 0; i < 22; i++) {
    await ensureMember(db, {
      accountId: team.accountId,
      email: `bulk-${i}-${team.slug}@e2e.test`,
      name: `Bulk ${String(i).padStart(2, "0")}`,
      role: "member",
      password: null,
    });
  }
  await signIn(page, team.admin.email);
  await expect(page.getByRole("heading", { name: "Members (24)" })).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(20);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(4);
  await page.getByLabel("Search members").fill("bulk-7-");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
});

test("a member of two accounts switches between them", async ({ page, team, db }) => {
  const other = await ensureAccount(db, { name: `Other ${team.slug}`, slug: `other-${team.slug}` });
  await ensureMember(db, { accountId: other.id, email: team.member.email, name: "", role: "admin", password: PASSWORD });
  await signIn(page, team.member.email);
  await page.getByLabel("Account").selectOption({ label: `Other ${team.slug}` });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByText(`People in Other ${team.slug}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Invite a member" })).toBeVisible();
});
