import { randomBytes } from "node:crypto";
import { accounts, eq, mfaFactors, ssoConnections, users } from "@gatehouse/db";
import { restoreSuspendedEnforcement } from "@gatehouse/core";
import { createMailer } from "@gatehouse/email";
import { expect, signIn, test, waitForEmail } from "../support/fixtures";
import { enrolDirectly } from "../mfa/authenticator";
import { createStaff, enforceSsoFor, signInAsStaff } from "./staff";

test("the support console is a 404 for everyone but staff", async ({ page, team }) => {
  for (const path of ["/support", `/support/accounts/${team.accountId}`]) {
    const signedOut = await page.goto(path);
    expect(signedOut?.status()).toBe(404);
  }
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  for (const path of ["/support", `/support/accounts/${team.accountId}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Find an account" })).toHaveCount(0);
  }
});

test("staff without MFA are sent to set it up and cannot act, even from a page opened before", async ({ browser, page, team, db }) => {
  const connection = await enforceSsoFor(db, team.accountId, `${randomBytes(4).toString("hex")}.nomfa.test`);
  const unenrolled = await createStaff(db, { withoutMfa: true });
  await signInAsStaff(page, unenrolled);
  for (const path of ["/support", `/support/accounts/${team.accountId}`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/support\/mfa-required/);
    await expect(page.getByRole("heading", { name: "Set up MFA to use the support console" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Disable SSO" })).toHaveCount(0);
  }

  // A staff member whose MFA goes away while the account page is open: the action is refused.
  const staff = await createStaff(db);
  const staffPage = await (await browser.newContext()).newPage();
  await signInAsStaff(staffPage, staff);
  await staffPage.goto(`/support/accounts/${team.accountId}`);
  const disable = staffPage.getByRole("form", { name: "Disable SSO" });
  await disable.getByLabel(/Type .* to confirm/).fill(`Team ${team.slug.slice(5)}`);
  await disable.getByLabel("Reason").fill("Ticket 1: should not happen");
  const [user] = await db.select().from(users).where(eq(users.email, staff.email));
  await db.delete(mfaFactors).where(eq(mfaFactors.userId, user!.id));
  await disable.getByRole("button", { name: "Disable SSO" }).click();
  await expect(staffPage).toHaveURL(/\/support\/mfa-required/);
  const [stillOn] = await db.select().from(ssoConnections).where(eq(ssoConnections.id, connection.id));
  expect(stillOn!.enabled).toBe(true);
  const [account] = await db.select().from(accounts).where(eq(accounts.id, team.accountId));
  expect(account!.authRequired).toBe("sso");
});

test("staff find an account by domain and disable SSO with a reason; the customer's log shows support", async ({ browser, page, team, db }) => {
  const domain = `${randomBytes(4).toString("hex")}.support.test`;
  const connection = await enforceSsoFor(db, team.accountId, domain);
  const staff = await createStaff(db);
  await signInAsStaff(page, staff);

  await page.goto("/support");
  await page.getByLabel("Account name, slug, domain or member email").fill(domain);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("support-account-row")).toHaveCount(1);
  await page.getByTestId("support-account-row").getByRole("link").click();
  await expect(page.getByRole("heading", { name: `Team ${team.slug.slice(5)}` })).toBeVisible();
  await expect(page.getByTestId("support-auth-required")).toHaveText("SSO only");
  await expect(page.getByTestId("support-connection-row")).toContainText("On");
  await expect(page.getByTestId("support-domain-row")).toContainText(domain);

  const disable = page.getByRole("form", { name: "Disable SSO" });
  // Without a reason nothing happens, and the field says why.
  await disable.getByLabel(/Type .* to confirm/).fill(`Team ${team.slug.slice(5)}`);
  await disable.getByRole("button", { name: "Disable SSO" }).click();
  await expect(disable.getByText("Give a reason: the customer reads it in their audit log.")).toBeVisible();
  const [stillOn] = await db.select().from(ssoConnections).where(eq(ssoConnections.id, connection.id));
  expect(stillOn!.enabled).toBe(true);

  await disable.getByLabel("Reason").fill("Ticket 4711: Okta tenant deleted, customer locked out");
  await disable.getByRole("button", { name: "Disable SSO" }).click();
  await expect(disable.getByText(/SSO is off: 1 connection\(s\) switched off, 1 domain\(s\) no longer enforce SSO/)).toBeVisible();
  await expect(page.getByTestId("support-auth-required")).toHaveText("Any method");
  await expect(page.getByTestId("support-audit-row").first()).toContainText("Ticket 4711");

  // The customer's admin sees it in their own audit log, done by support.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, team.admin.email);
  await expect(adminPage).toHaveURL(/\/settings\/team/);
  await adminPage.goto("/settings/audit");
  const row = adminPage.getByTestId("audit-row").filter({ hasText: "disabled SSO" });
  await expect(row).toContainText(`Gatehouse support (${staff.name})`);
});

test("a suspension emails the admins and restores itself when the sweep runs after its time", async ({ page, team, db }) => {
  await enforceSsoFor(db, team.accountId, `${randomBytes(4).toString("hex")}.suspend.test`);
  const staff = await createStaff(db);
  await signInAsStaff(page, staff);
  await page.goto(`/support/accounts/${team.accountId}`);

  const suspend = page.getByRole("form", { name: "Suspend enforcement" });
  await suspend.getByLabel("Hours (1–72)").fill("73");
  await suspend.getByLabel("Reason").fill("Ticket 99: IdP outage");
  await suspend.getByRole("button", { name: "Suspend enforcement" }).click();
  await expect(suspend.getByText(/at most 72 hours/)).toBeVisible();
  await suspend.getByLabel("Hours (1–72)").fill("2");
  await suspend.getByRole("button", { name: "Suspend enforcement" }).click();
  await expect(suspend.getByText(/Enforcement is suspended until/)).toBeVisible();
  await expect(page.getByTestId("support-suspension")).toContainText("until");
  const paused = await waitForEmail(team.admin.email, /SSO enforcement is paused/);
  expect(paused.text).toContain("Ticket 99: IdP outage");

  // Drive the clock: the suspension's end is put in the past, then the sweep's function runs.
  await db
    .update(accounts)
    .set({ enforcementSuspendedUntil: new Date(Date.now() - 60_000) })
    .where(eq(accounts.id, team.accountId));
  const mailer = createMailer({ db, smtpUrl: process.env.SMTP_URL, from: "Gatehouse <no-reply@gatehouse.test>" });
  try {
    expect(await restoreSuspendedEnforcement({ db, mailer, appUrl: process.env.APP_URL! })).toBe(1);
  } finally {
    mailer.close();
  }
  await page.reload();
  await expect(page.getByTestId("support-suspension")).toHaveText("No");
  await expect(page.getByTestId("support-audit-row").first()).toContainText("security.enforcement_restored");
  await waitForEmail(team.admin.email, /SSO enforcement is back on/);
  const [account] = await db.select().from(accounts).where(eq(accounts.id, team.accountId));
  expect(account!.authRequired).toBe("sso");
});

test("staff resend an invite and send password resets to a chosen member, each with a reason", async ({ page, team, db }) => {
  const staff = await createStaff(db);
  await signIn(page, team.admin.email);
  await page.getByLabel("Email").fill(`late-${team.slug}@e2e.test`);
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText(`Invite sent to late-${team.slug}@e2e.test.`)).toBeVisible();
  await page.context().clearCookies();

  await signInAsStaff(page, staff);
  await page.goto(`/support/accounts/${team.accountId}`);
  const resend = page.getByRole("form", { name: `Resend invite to late-${team.slug}@e2e.test` });
  await resend.getByRole("button", { name: "Resend invite" }).click();
  await expect(resend.getByText("Give a reason: the customer reads it in their audit log.")).toBeVisible();
  await resend.getByLabel("Reason").fill("Ticket 12: invite lost in spam");
  await resend.getByRole("button", { name: "Resend invite" }).click();
  await expect(resend.getByText(`Invite sent again to late-${team.slug}@e2e.test with a fresh link.`)).toBeVisible();

  const resets = page.getByRole("form", { name: "Send password resets" });
  await resets.getByLabel("Reason").fill("Ticket 12: SSO switched off");
  await resets.getByLabel("Only the members ticked below").check();
  await resets.getByRole("button", { name: "Send password resets" }).click();
  await expect(resets.getByText("Tick at least one member, or choose all members.")).toBeVisible();
  await resets.getByLabel("Only the members ticked below").check();
  await resets.getByLabel(team.member.email).check();
  await resets.getByRole("button", { name: "Send password resets" }).click();
  await expect(resets.getByText("Password reset links sent to 1 member.")).toBeVisible();
  const mail = await waitForEmail(team.member.email, /now signs in with a password/);
  expect(mail.text).toContain("do not create a new one");
});

test("staff reset a member's MFA with a reason; the member signs in without a code and the customer's log shows support", async ({
  browser,
  page,
  team,
  db,
}) => {
  await enrolDirectly(db, team.member);
  const staff = await createStaff(db);
  await signInAsStaff(page, staff);
  await page.goto(`/support/accounts/${team.accountId}`);
  const memberRow = page.getByTestId("support-member-row").filter({ hasText: team.member.email });
  await expect(memberRow.getByTestId("support-member-mfa")).toHaveText("On");
  await expect(page.getByTestId("support-member-row").filter({ hasText: team.admin.email }).getByTestId("support-member-mfa")).toHaveText("Off");

  const reset = page.getByRole("form", { name: `Reset MFA of ${team.member.email}` });
  await reset.getByRole("button", { name: "Reset MFA" }).click();
  await expect(reset.getByText("Give a reason: the customer reads it in their audit log.")).toBeVisible();
  await expect(memberRow.getByTestId("support-member-mfa")).toHaveText("On");

  await reset.getByLabel("Reason").fill("Ticket 321: phone lost, identity checked by video call");
  await reset.getByRole("button", { name: "Reset MFA" }).click();
  await expect(page.getByText(`MFA reset for ${team.member.email}`)).toBeVisible();
  await expect(memberRow.getByTestId("support-member-mfa")).toHaveText("Off");
  await expect(page.getByTestId("support-audit-row").first()).toContainText("mfa.reset");
  await expect(page.getByTestId("support-audit-row").first()).toContainText("Ticket 321");

  // The member's password now opens the console without a code.
  const memberPage = await (await browser.newContext()).newPage();
  await signIn(memberPage, team.member.email);
  await expect(memberPage).toHaveURL(/\/settings\/team/);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, team.admin.email);
  await expect(adminPage).toHaveURL(/\/settings\/team/);
  await adminPage.goto("/settings/audit");
  const row = adminPage.getByTestId("audit-row").filter({ hasText: "reset the MFA of" });
  await expect(row).toContainText(`Gatehouse support (${staff.name})`);
  await expect(row).toContainText("Ticket 321");
});
