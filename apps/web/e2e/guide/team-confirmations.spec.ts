import { ensureMember } from "@gatehouse/core";
import { expect, signIn, test, PASSWORD } from "../support/fixtures";

test("removing a member asks first; Cancel keeps them", async ({ page, team }) => {
  await signIn(page, team.admin.email);
  const row = page.getByTestId("member-row").filter({ hasText: team.member.email });
  const actions = page.getByRole("button", { name: `Actions for ${team.member.email}` });
  await actions.click();
  await page.getByRole("menuitem", { name: "Remove…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Remove ${team.member.email}?` });
  await expect(dialog).toContainText("every session of theirs ends");
  await page.screenshot({ path: test.info().outputPath("remove-member-dialog.png") });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(actions).toBeFocused();
  await expect(row).toHaveCount(1);

  await actions.click();
  await page.getByRole("menuitem", { name: "Remove…" }).click();
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText("Member removed. Their sessions have ended.")).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("keyboard only: the member menu opens, Remove asks first, and the result is announced", async ({ page, team }) => {
  await signIn(page, team.admin.email);
  const actions = page.getByRole("button", { name: `Actions for ${team.member.email}` });
  await actions.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "Send password reset" })).toBeFocused();
  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(actions).toBeFocused();

  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Remove…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: `Remove ${team.member.email}?` });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(actions).toBeFocused();

  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Remove…" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Remove member" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The result is a toast in a polite live region, so a screen reader reads it out.
  const toast = page.getByRole("status").filter({ hasText: "Member removed. Their sessions have ended." });
  await expect(toast).toBeVisible();
  await expect(toast).toHaveAttribute("aria-live", "polite");
  await expect(page.getByTestId("member-row").filter({ hasText: team.member.email })).toHaveCount(0);
});

test("without JavaScript, Remove needs its box ticked", async ({ browser, page: signedIn, team }) => {
  await signIn(signedIn, team.admin.email);
  await expect(signedIn).toHaveURL(/\/settings\/team/);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() });
  const page = await context.newPage();
  await page.goto("/settings/team");
  const row = page.getByTestId("member-row").filter({ hasText: team.member.email });
  await row.getByRole("button", { name: `Remove ${team.member.email}` }).click();
  await expect(page.getByText("Tick “I understand they lose access now” next to Remove to remove a member.")).toBeVisible();
  await expect(row).toHaveCount(1);
  await row.getByLabel("I understand they lose access now").check();
  await row.getByRole("button", { name: `Remove ${team.member.email}` }).click();
  await expect(page.getByText("Member removed. Their sessions have ended.")).toBeVisible();
  await context.close();
});

test("demoting yourself says you will lose the console; saving an unchanged role says nothing changed", async ({ page, team, db }) => {
  await ensureMember(db, { accountId: team.accountId, email: `second-admin-${team.slug}@e2e.test`, name: "", role: "admin", password: PASSWORD });
  await signIn(page, team.admin.email);

  await page.getByRole("button", { name: `Save role for ${team.member.email}` }).click();
  await expect(page.getByText(`Nothing changed: ${team.member.email} is already a Member.`)).toBeVisible();

  await page.getByLabel(`Role for ${team.admin.email}`, { exact: true }).selectOption("member");
  await page.getByRole("button", { name: `Save role for ${team.admin.email}` }).click();
  const dialog = page.getByRole("alertdialog", { name: "Make yourself a Member?" });
  await expect(dialog).toContainText("will lose the admin console");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel(`Role for ${team.admin.email}`, { exact: true })).toHaveValue("admin");

  await page.getByLabel(`Role for ${team.admin.email}`, { exact: true }).selectOption("member");
  await page.getByRole("button", { name: `Save role for ${team.admin.email}` }).click();
  await dialog.getByRole("button", { name: "Make me a Member" }).click();
  await expect(page.getByText("Role updated.")).toBeVisible();
  await expect(page.getByText("Only account admins can change the team.")).toBeVisible();
});
