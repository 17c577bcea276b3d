import { emailOutbox } from "@gatehouse/db";
import { expect, test, waitForEmail } from "../support/fixtures";
import { holdSignInForEmailConfirmation } from "../support/issue9-connections";

test("a reset link clicked in the dev mailbox opens a working, styled page", async ({ page, context, db, team }) => {
  const sentAfter = new Date();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(team.member.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/we sent it a link/)).toBeVisible();

  // In `pnpm dev` the mailbox keeps whole emails; here the app delivers over SMTP, so the email it
  // sent is put in the mailbox as development would have kept it.
  const email = await waitForEmail(team.member.email, /password/i, sentAfter);
  await db.insert(emailOutbox).values({
    to: team.member.email,
    subject: email.subject,
    html: email.html,
    text: email.text ?? "",
    template: "password-reset",
    transport: "dev-mailbox",
    status: "sent",
  });

  await page.goto("/dev/mailbox");
  await page
    .getByRole("link", { name: new RegExp(email.subject) })
    .first()
    .click();
  const frame = page.frameLocator('iframe[title="Email content"]');
  const opened = context.waitForEvent("page");
  await frame.getByRole("link", { name: /reset/i }).first().click();
  const tab = await opened;
  await tab.waitForLoadState();
  await page.screenshot({ path: test.info().outputPath("dev-mailbox-email.png"), fullPage: true });

  // The tab is an ordinary page of the app: its styles load and its form submits.
  await expect(tab.getByRole("heading", { name: /new password/i })).toBeVisible();
  expect(await tab.evaluate(() => window.origin)).not.toBe("null");
  expect(await tab.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/^"?Times/);
  await tab.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await tab.getByLabel("Confirm new password").fill("a-brand-new-password");
  await tab.getByRole("button", { name: "Set new password" }).click();
  await expect(tab.getByText("Your password was changed")).toBeVisible();

  // The mailbox links back to the app.
  await page.getByRole("link", { name: "All emails" }).click();
  await page.getByRole("link", { name: "Back to Gatehouse" }).click();
  await expect(page).not.toHaveURL(/dev\/mailbox/);
});

test("an SSO email confirmation opened where someone else is signed in asks before switching", async ({ browser, page }) => {
  const { team, unverified, startedAt } = await holdSignInForEmailConfirmation(browser, page);
  const email = await waitForEmail(unverified, /Confirm your email address/, startedAt);
  const link = email.links.find((href) => href.includes("/api/sso/verify-email?token="))!;

  // The admin opens the link in their own browser: asked, not switched.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Continue as ${unverified}?` })).toBeVisible();
  await expect(page.getByText(`You are signed in as ${team.admin.email} in this browser.`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("session-swap-question.png"), fullPage: true });
  await page.getByRole("link", { name: `Stay signed in as ${team.admin.email}` }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.admin.email);

  // The link was not used up by asking; continuing (keyboard only) signs the member in.
  await page.goto(link);
  await page.getByRole("button", { name: `Continue as ${unverified}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(unverified);

  // With nobody else signed in, the link goes straight through, as before (and once only).
  await page.goto(link);
  await expect(page).toHaveURL(/\/sso\/error/);
});
