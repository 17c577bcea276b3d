import { and, eq, memberships, scimDirectories, scimRequestLog } from "@gatehouse/db";
import { ensureMember } from "@gatehouse/core";
import { expect, test } from "../support/fixtures";
import { configureOkta } from "../support/issue9-connections";

// Issue 15, the admin's side of SCIM: enable on a connection, the token shown once, rotate with
// a stated grace period, revoke, the request log, and SCIM members marked on the team page.

test("an admin enables SCIM, sees the token once, rotates it with a grace period and revokes the old one", async ({ page, db }) => {
  const { team } = await configureOkta(page);
  const connectionUrl = page.url();

  await page.getByRole("button", { name: "Enable SCIM 2.0" }).click();
  const reveal = page.getByTestId("scim-token-reveal");
  await expect(reveal).toContainText("you won’t see it again");
  const firstToken = (await page.getByTestId("scim-revealed-token").textContent())!.trim();
  expect(firstToken).toMatch(/^gh_scim_/);
  const [directory] = await db.select().from(scimDirectories).where(eq(scimDirectories.accountId, team.account.id));
  await expect(page.getByTestId("scim-revealed-base-url")).toHaveText(new RegExp(`/scim/v2/${directory!.id}$`));
  await expect(page.getByTestId("scim-base-url")).toHaveText(new RegExp(`/scim/v2/${directory!.id}$`));

  // Shown once: after a reload only the prefix remains.
  await page.reload();
  await expect(page.getByTestId("scim-token-reveal")).toHaveCount(0);
  await expect(page.getByText(firstToken)).toHaveCount(0);
  const firstPrefix = firstToken.slice(0, 14);
  await expect(page.getByTestId("scim-token-row")).toHaveCount(1);
  await expect(page.getByTestId("scim-token-row").first()).toContainText(`${firstPrefix}…`);
  await expect(page.getByTestId("scim-token-row").first()).toHaveAttribute("data-state", "active");

  // Rotate: the screen states the grace period; the old token is listed with its grace end.
  await expect(page.getByText("keeps working for 24 hours (the grace period)")).toBeVisible();
  await page.getByRole("button", { name: "Rotate token" }).click();
  await expect(page.getByTestId("scim-token-reveal")).toContainText("24 hour grace period");
  const secondToken = (await page.getByTestId("scim-revealed-token").textContent())!.trim();
  expect(secondToken).not.toBe(firstToken);
  const oldRow = page.getByTestId("scim-token-row").filter({ hasText: `${firstPrefix}…` });
  await expect(oldRow).toHaveAttribute("data-state", "grace");
  await expect(oldRow).toContainText(/expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(grace period\)/);
  await expect(page.getByTestId("scim-token-row").filter({ hasText: `${secondToken.slice(0, 14)}…` })).toHaveAttribute("data-state", "active");

  // Revoke needs its confirmation.
  await oldRow.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Tick the box next to Revoke" })).toBeVisible();
  await page.getByLabel(`Confirm revoking ${firstPrefix}…`).check();
  await page
    .getByTestId("scim-token-row")
    .filter({ hasText: `${firstPrefix}…` })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByText(`Token ${firstPrefix}… revoked.`)).toBeVisible();
  await expect(page.getByTestId("scim-token-row").filter({ hasText: `${firstPrefix}…` })).toHaveAttribute("data-state", "revoked");

  // The request log shows what the IdP sent and the SCIM error it got back.
  await db.insert(scimRequestLog).values({
    directoryId: directory!.id,
    method: "POST",
    path: "/Users",
    status: 409,
    summary: "Refused a duplicate",
    error: "uniqueness: userName is taken",
  });
  await page.reload();
  const logRow = page.getByTestId("scim-log-row");
  await expect(logRow).toHaveCount(1);
  await expect(logRow).toContainText("POST /Users");
  await expect(logRow).toContainText("uniqueness: userName is taken");

  // Default role for new members.
  await page.getByLabel("Default role").selectOption("admin");
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("New SCIM members will join as")).toBeVisible();
  await expect(page.getByLabel("Default role")).toHaveValue("admin");

  // Run self-test: six steps against our own endpoint over HTTP, each with its outcome; its
  // short-lived token is revoked afterwards. (Pass or fail depends on the endpoint, not this screen.)
  await page.getByRole("button", { name: "Run self-test" }).click();
  const report = page.getByTestId("scim-self-test-report");
  await expect(report).toContainText(/The self-test (passed|found problems)\./);
  await expect(report.getByTestId("scim-self-test-step")).toHaveCount(6);
  await expect(report.getByTestId("scim-self-test-step").first()).toContainText("GET /ServiceProviderConfig →");
  await page.reload();
  await expect(page.getByTestId("scim-token-row")).toHaveCount(3);
  await expect(page.getByTestId("scim-token-row").and(page.locator('[data-state="active"]'))).toHaveCount(1);

  // A SCIM-provisioned member carries the mark on the team page; the admin still sets the role.
  const provisioned = await ensureMember(db, {
    accountId: team.account.id,
    email: `scim-${team.tag}@e2e.test`,
    name: `Scim ${team.tag}`,
    role: "member",
    password: null,
  });
  await db
    .update(memberships)
    .set({ source: "scim" })
    .where(and(eq(memberships.accountId, team.account.id), eq(memberships.userId, provisioned.id)));
  await page.goto("/settings/team");
  const row = page.getByTestId("member-row").filter({ hasText: provisioned.email });
  await expect(row.getByText("SCIM", { exact: true })).toBeVisible();
  await expect(row.getByLabel(`Role for ${provisioned.email}`, { exact: true })).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: team.admin.email }).getByText("SCIM", { exact: true })).toHaveCount(0);

  // Disable: every token revoked, the card offers Enable again.
  await page.goto(connectionUrl);
  await page.getByLabel("I understand provisioning stops and every token is revoked").check();
  await page.getByRole("button", { name: "Disable SCIM" }).click();
  await expect(page.getByText("SCIM switched off; 1 token revoked.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enable SCIM 2.0" })).toBeVisible();
});
