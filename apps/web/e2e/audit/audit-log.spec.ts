import { readFile } from "node:fs/promises";
import { auditEvents, ensureAccountForTest } from "./seed";
import { expect, signIn, test } from "../support/fixtures";

test("an admin reads sentences, filters by person and kind, pages older and newer, and downloads the filtered CSV", async ({ page, team, db }) => {
  const base = Date.parse("2026-01-05T08:00:00Z");
  // 55 refused sign-ins of the member, a minute apart: more than one page (50).
  await db.insert(auditEvents).values(
    Array.from({ length: 55 }, (_, i) => ({
      accountId: team.accountId,
      actorUserId: team.member.id,
      actorLabel: team.member.email,
      action: "sign_in.password.failed",
      ip: "198.51.100.7",
      metadata: { reason: "wrong_password" },
      createdAt: new Date(base + i * 60_000),
    })),
  );
  await db.insert(auditEvents).values([
    {
      accountId: team.accountId,
      actorUserId: team.admin.id,
      actorLabel: team.admin.email,
      action: "member.role_changed",
      targetType: "user",
      targetId: team.member.id,
      targetLabel: team.member.email,
      metadata: { from: "member", to: "admin" },
      createdAt: new Date(base + 3_600_000),
    },
    {
      accountId: team.accountId,
      actorUserId: team.admin.id,
      actorLabel: team.admin.email,
      action: "member.invited",
      targetType: "invite",
      targetId: "x",
      targetLabel: '=HYPERLINK("http://evil.test","x")@e2e.test',
      metadata: { role: "member" },
      createdAt: new Date(base + 3_500_000),
    },
  ]);
  const other = await ensureAccountForTest(db);
  await db.insert(auditEvents).values({
    accountId: other.id,
    actorUserId: null,
    actorLabel: "stranger@elsewhere.test",
    action: "sign_in.password.failed",
    metadata: { reason: "wrong_password" },
  });

  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await page.goto("/settings/audit");
  const rows = page.getByTestId("audit-row");
  // The sign-in that just happened is in this account's log, as a sentence.
  await expect(rows.first()).toContainText(`Admin ${team.admin.email.slice(6, 14)} signed in with a password`);
  await expect(page.getByText("stranger@elsewhere.test")).toHaveCount(0);

  // By person: the member's 55 refusals, 50 per page.
  await page.getByLabel("Person").selectOption(team.member.email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(`Password sign-in refused for ${team.member.email}: wrong password`);
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(rows).toHaveCount(5);
  await expect(rows.last()).toContainText("2026-01-05 08:00:00");
  await expect(page.getByRole("link", { name: "Older →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("2026-01-05 08:54:00");

  // By kind: members changes only, with old → new values.
  await page.goto("/settings/audit");
  await page.getByLabel("Kind").selectOption("Members");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(
    `Admin ${team.admin.email.slice(6, 14)} changed Member ${team.member.email.slice(7, 15)}'s role from Member to Account Admin`,
  );

  // A date range with nothing in it.
  await page.getByLabel("From").fill("2026-01-06");
  await page.getByLabel("To").fill("2026-01-07");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No events match these filters.")).toBeVisible();

  // The CSV holds what the filters show, with spreadsheet formulas defused.
  await page.goto("/settings/audit?kind=members");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-team-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("When (UTC),Who,What,Kind,Action,Target,IP,Details");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain("s role from Member to Account Admin,Members,member.role_changed");
  expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")@e2e.test"`);
});

test("a bad filter says what to fix; a member can neither read nor download the log", async ({ page, browser, team }) => {
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await page.goto("/settings/audit?from=yesterday&kind=nonsense");
  await expect(page.getByText("The “From” date must be a day like 2026-03-01.")).toBeVisible();
  await expect(page.getByText(/“nonsense” is not a kind of event/)).toBeVisible();
  const bad = await page.request.get("/settings/audit/export?from=yesterday");
  expect(bad.status()).toBe(400);

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, team.member.email);
  await expect(memberPage).toHaveURL(/\/settings\/team/);
  const refused = await memberPage.request.get("/settings/audit/export");
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Only account admins can download the audit log");
  await memberContext.close();
});
