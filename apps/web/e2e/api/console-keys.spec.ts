import { expect, signIn, test } from "../support/fixtures";
import { envelope, orgUrl } from "./api-support";

test("an admin creates an account key on /settings/api-keys, sees it once, uses it, then revokes it", async ({ page, request, team }) => {
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "Account API keys" })).toBeVisible();

  // Cards are plain <section>s without a name, so they are found by their heading.
  const accountCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "Account API keys" }) });
  await accountCard.getByLabel("Name").fill("Deploy bot");
  await accountCard.getByLabel("Scope").selectOption("write");
  await accountCard.getByRole("button", { name: "Create key" }).click();
  const token = (await page.getByTestId("account-key-token").textContent())!.trim();
  expect(token).toMatch(/^gh_/);
  await expect(accountCard.getByTestId("api-key-row").filter({ hasText: "Deploy bot" })).toContainText("Read and write");

  await envelope(await request.get(orgUrl(team.accountId, "/members"), { headers: { "X-Api-Key": token } }), 200);
  await page.reload();
  await expect(page.getByTestId("account-key-token")).toHaveCount(0);
  await expect(accountCard.getByTestId("api-key-row").filter({ hasText: "Deploy bot" })).not.toContainText(/Never\s*Never/);

  await accountCard.getByRole("button", { name: "Revoke Deploy bot" }).click();
  await expect(page.getByText(/revoked\. Requests with it now get 401\./)).toBeVisible();
  await envelope(await request.get(orgUrl(team.accountId, "/members"), { headers: { "X-Api-Key": token } }), 401, "API_KEY_REVOKED");
});

test("a member has no account keys section but creates their own read-only personal access token; an admin can revoke it", async ({
  browser,
  page,
  request,
  team,
}) => {
  await signIn(page, team.member.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "Account API keys" })).toHaveCount(0);
  await page.getByLabel("Name").fill("My laptop");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("personal-key-token").textContent())!.trim();
  const listed = await envelope<{ role: string }[]>(await request.get("/api/user/organizations", { headers: { "X-Api-Key": token } }), 200);
  expect(listed.data).toEqual([expect.objectContaining({ id: team.accountId, role: "member" })]);
  await envelope(
    await request.post(orgUrl(team.accountId, "/members"), { headers: { "X-Api-Key": token }, data: { email: "x@e2e.test" } }),
    403,
    "INSUFFICIENT_SCOPE",
  );

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, team.admin.email);
  await expect(adminPage).toHaveURL(/\/settings\/team/);
  await adminPage.goto("/settings/api-keys");
  const membersCard = adminPage.locator("section").filter({ has: adminPage.getByRole("heading", { name: "Members' personal access tokens" }) });
  await expect(membersCard.getByTestId("api-key-row")).toContainText(team.member.email);
  await membersCard.getByRole("button", { name: "Revoke My laptop" }).click();
  await expect(adminPage.getByText(/revoked\. Requests with it now get 401\./)).toBeVisible();
  await envelope(await request.get("/api/user/organizations", { headers: { "X-Api-Key": token } }), 401, "API_KEY_REVOKED");
});
