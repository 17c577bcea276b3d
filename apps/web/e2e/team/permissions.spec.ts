import { expect, signIn, test } from "../support/fixtures";
import { actionIdBefore } from "../support/replay";

test("a member sees the team read-only and cannot open the audit log", async ({ page, team }) => {
  await signIn(page, team.member.email);
  await expect(page.getByText("Only account admins can change the team.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Invite a member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await page.goto("/settings/audit");
  await expect(page.getByText("Only account admins can read the audit log")).toBeVisible();
});

test("a member's direct request to an admin action is refused on the server", async ({ browser, page, team, db }) => {
  // The admin's page carries the server action's id in its no-JS form; the member replays it.
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const actionField = await actionIdBefore(page, "/settings/team", `aria-label="Remove ${team.member.email}"`);

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, team.member.email);
  await expect(memberPage).toHaveURL(/\/settings\/team/);
  const response = await memberPage.request.post("/settings/team", {
    multipart: { [actionField]: "", userId: team.admin.id, confirm: "on" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  // The refusal comes back as a message this server stored (a flash id in the URL, not its text).
  const location = response.headers()["location"] ?? "/";
  expect(new URL(location, "http://localhost").searchParams.get("flash")).toBeTruthy();
  await memberPage.goto(location);
  await expect(memberPage.getByText("Only account admins can remove members.")).toBeVisible();

  const rows = await db.$client`select role from memberships where account_id = ${team.accountId} and user_id = ${team.admin.id}`;
  expect(rows).toHaveLength(1);
  await memberContext.close();
});

test("pages of the console need a session", async ({ page }) => {
  await page.goto("/settings/team");
  await expect(page).toHaveURL(/\/login/);
});
