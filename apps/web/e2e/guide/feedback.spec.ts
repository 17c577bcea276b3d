import { randomBytes } from "node:crypto";
import { expect, formAlert, signIn, test } from "../support/fixtures";

test("a wrong password keeps the email, clears and focuses the password, and links to the reset", async ({ page, team }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(team.member.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toContainText("don't match");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(page.getByText(team.member.email)).toBeVisible();
  await formAlert(page).getByRole("link", { name: "reset your password" }).click();
  await expect(page).toHaveURL(/\/forgot-password\?email=/);
});

test("the invite field clears after sending; the navigation marks the current page", async ({ page, team }) => {
  await signIn(page, team.admin.email);
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Team" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Security" })).not.toHaveAttribute("aria-current", "page");
  const invitee = `new-${randomBytes(3).toString("hex")}@e2e.test`;
  await page.getByLabel("Email").fill(invitee);
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText(`Invite sent to ${invitee}.`)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("");
  await page.screenshot({ path: test.info().outputPath("team-page.png"), fullPage: true });

  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Security" })).toHaveAttribute("aria-current", "page");
});

test("an invalid /sso entry keeps what was typed", async ({ page }) => {
  await page.goto("/sso");
  await page.getByLabel("Work email or sign-in name").fill("not a name!");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("A sign-in name uses only letters, digits and hyphens")).toBeVisible();
  await expect(page.getByLabel("Work email or sign-in name")).toHaveValue("not a name!");
});
