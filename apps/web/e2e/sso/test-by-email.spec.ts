import { listEmailsOverHttp } from "@gatehouse/testing";
import { expect, test, waitForEmail } from "../support/fixtures";
import { signInAtSandbox } from "../support/sandbox";
import { configureOkta, freshPage } from "../support/issue9-connections";

const UTC_TIME = /\d{4}-\d\d-\d\d \d\d:\d\d UTC/;

test("test by email: a member follows the link, and the admin sees the result with the member and time", async ({ browser, page }) => {
  const { team } = await configureOkta(page);
  const memberEmail = page.getByLabel("Member's email");
  const send = page.getByRole("button", { name: "Send test email" });

  // Nothing has succeeded yet, so the admin cannot vouch for the connection.
  await page.getByRole("button", { name: "I already tested this connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /has no successful sign-in yet, so it cannot be marked as tested/ })).toBeVisible();

  // Someone who is not a member gets nothing; the admin is told why.
  const outsider = `outsider-${team.tag}@e2e.test`;
  await memberEmail.fill(outsider);
  await send.click();
  await expect(page.getByText(`${outsider} is not a member of ${team.account.name}. Invite them first, or test with a member's email.`)).toBeVisible();
  await expect(memberEmail).toHaveValue(outsider);
  await memberEmail.fill("not an email");
  await send.click();
  await expect(page.getByText("Enter the member's email address, like name@company.com.")).toBeVisible();

  const sentAfter = new Date();
  await memberEmail.fill(team.member.email);
  await send.click();
  await expect(page.getByRole("status").filter({ hasText: `Test email sent to ${team.member.email}.` })).toBeVisible();

  // The member opens the email's link in their own browser and signs in at the IdP.
  const email = await waitForEmail(team.member.email, /asked you to test single sign-on/, sentAfter);
  const link = email.links.find((href) => href.includes("/api/sso/test?token="));
  expect(link).toBeDefined();
  const member = await freshPage(browser);
  await member.goto(link!);
  await signInAtSandbox(member, team.member.email);
  await expect(member.getByRole("heading", { name: "Thanks for testing" })).toBeVisible();
  await expect(member.getByText("The test sign-in worked. Your admin can see the result.")).toBeVisible();

  // The admin's page shows the result: what, who, when.
  await page.reload();
  const result = page.getByTestId("result-row").first();
  await expect(result).toContainText("Test sign-in");
  await expect(result).toContainText(team.member.email);
  await expect(result).toContainText("Succeeded");
  await expect(result).toContainText(UTC_TIME);
  await expect(page.getByTestId("last-result")).toContainText(
    new RegExp(`Last result: succeeded \\(Test sign-in ${UTC_TIME.source} by ${team.member.email.replace(/[.]/g, "\\.")}\\)`),
  );

  // Now the admin may mark it tested; the page says when and who.
  await page.getByRole("button", { name: "I already tested this connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as tested." })).toBeVisible();
  await expect(page.getByTestId("marked-tested")).toContainText(
    new RegExp(`Marked as tested ${UTC_TIME.source} by ${team.admin.email.replace(/[.]/g, "\\.")}`),
  );
  await expect(page.getByRole("button", { name: "I already tested this connection" })).toHaveCount(0);

  // The refused request to the outsider sent nothing (the member's email, sent later, has arrived).
  expect(await listEmailsOverHttp(process.env.SMTP_CAPTURE_HTTP_URL!, outsider)).toHaveLength(0);
});
