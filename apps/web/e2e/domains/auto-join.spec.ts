import { randomBytes } from "node:crypto";
import { accountDomains, users, type Database } from "@gatehouse/db";
import { hashPassword } from "@gatehouse/core";
import { expect, PASSWORD, signIn, test, waitForEmail } from "../support/fixtures";

// Domain capture (issue 13): a person whose verified email is on a verified domain joins the
// account in one click, or asks to and an admin approves on the team page. The verified domain is
// inserted directly: verifying through DNS is the domains journey's test.

async function verifiedDomainWithNewcomer(db: Database, accountId: string, autoJoin: "join" | "request") {
  const domain = `capture-${randomBytes(3).toString("hex")}.test`;
  await db.insert(accountDomains).values({ accountId, domain, status: "verified", verificationToken: "t", verifiedAt: new Date(), autoJoin });
  const email = `newbie@${domain}`;
  await db.insert(users).values({ email, name: "Nia Newbie", passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() });
  return { domain, email };
}

test("a newcomer on a verified 'join' domain joins the account in one click", async ({ page, db, team }) => {
  const { email } = await verifiedDomainWithNewcomer(db, team.accountId, "join");
  await signIn(page, email);
  await expect(page).toHaveURL(/\/no-account/);
  const accountName = `Team ${team.slug.slice("team-".length)}`;
  await page.getByRole("button", { name: `Join ${accountName}` }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByText(`Welcome to ${accountName}.`)).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toBeVisible();
});

test("a newcomer on a verified 'request' domain asks to join; an admin approves on the team page", async ({ browser, page, db, team }) => {
  const { email } = await verifiedDomainWithNewcomer(db, team.accountId, "request");
  const accountName = `Team ${team.slug.slice("team-".length)}`;
  await signIn(page, email);
  await expect(page).toHaveURL(/\/no-account/);
  await page.getByRole("button", { name: `Request to join ${accountName}` }).click();
  await expect(page.getByText("Request sent", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Request to join ${accountName}` })).toHaveCount(0);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, team.admin.email);
  const row = adminPage.getByTestId("join-request-row").filter({ hasText: email });
  await expect(row).toBeVisible();
  const answeredAfter = new Date();
  await row.getByRole("button", { name: `Approve ${email}` }).click();
  await expect(adminPage.getByText(`${email} was sent the answer by email.`)).toBeVisible();
  await expect(adminPage.getByTestId("join-request-row")).toHaveCount(0);
  await expect(adminPage.getByTestId("member-row").filter({ hasText: email })).toBeVisible();
  await adminContext.close();

  const mail = await waitForEmail(email, /approved/, answeredAfter);
  expect(mail.subject).toBe(`Your request to join ${accountName} was approved`);

  // The approval came after this sign-in, which did not prove the account: it asks for the password once.
  await page.goto("/no-account");
  await page.getByRole("button", { name: `Open ${accountName}` }).click();
  await expect(page).toHaveURL(/\/switch-account\//);
  await expect(page.getByText(`did not include ${accountName}`)).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue with password" }).click();
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByRole("heading", { name: "Team members" })).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toBeVisible();
});

test("an admin imports people on the account's verified domains, who each get an email", async ({ page, db, team }) => {
  const { email } = await verifiedDomainWithNewcomer(db, team.accountId, "request");
  await signIn(page, team.admin.email);
  const row = page.getByTestId("managed-user-row").filter({ hasText: email });
  await expect(row).toBeVisible();
  const importedAfter = new Date();
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Import selected" }).click();
  await expect(page.getByText("1 person was added as a Member and sent an email.")).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toBeVisible();
  await expect(page.getByTestId("managed-user-row").filter({ hasText: email })).toHaveCount(0);
  const mail = await waitForEmail(email, /You were added/, importedAfter);
  expect(mail.subject).toContain("You were added to Team");
});
