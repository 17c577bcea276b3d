import { expect, signIn, test } from "../support/fixtures";
import { createSsoTeam } from "../support/sandbox";
import { openFromMailbox, sendSetupLink } from "./setup-link-support";

test("bad input on the setup link's screens: the admin's typo and a member's address are refused and kept; the recipient's bad domains are refused", async ({
  browser,
  page,
  db,
}) => {
  const team = await createSsoTeam();
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);

  // The admin: a typo keeps what was typed and sends nothing.
  await page.goto("/settings/security");
  await page.getByLabel("Their email").fill("it-admin-at-acme");
  await page.getByRole("button", { name: "Send setup link" }).click();
  await expect(page.getByText("Enter a valid email address, like it@company.com.")).toBeVisible();
  await expect(page.getByLabel("Their email")).toHaveValue("it-admin-at-acme");
  await expect(page.getByTestId("setup-link-row")).toHaveCount(0);

  // A member is made an admin instead.
  await page.getByLabel("Their email").fill(team.member.email);
  await page.getByRole("button", { name: "Send setup link" }).click();
  await expect(page.getByText(`${team.member.email} is already a member of ${team.account.name}.`, { exact: false })).toBeVisible();
  await expect(page.getByTestId("setup-link-row")).toHaveCount(0);

  // The recipient, on a link that covers domains: bad domains are refused with the reason, nothing is added.
  const itAdmin = `it-${team.tag}@it.test`;
  const sentAfter = new Date();
  await sendSetupLink(page, itAdmin, ["Domains"]);
  const recipient = await browser.newContext();
  const tab = await openFromMailbox(recipient, db, itAdmin, sentAfter);
  await tab.getByRole("navigation", { name: "Setup" }).getByRole("link", { name: "Domains" }).click();
  for (const [typed, reason] of [
    ["not a domain", "is not a valid domain name"],
    ["co.uk", "is a public suffix"],
    ["gmail.com", "gmail.com"],
  ] as const) {
    await tab.getByLabel("Domain").fill(typed);
    await tab.getByRole("button", { name: "Add domain" }).click();
    await expect(tab.getByRole("alert").filter({ hasText: reason }).first()).toBeVisible();
    await expect(tab.getByLabel("Domain")).toHaveValue(typed);
  }
  await expect(tab.getByText("No domains yet.")).toBeVisible();
  await tab.screenshot({ path: test.info().outputPath("setup-link-domains-refused.png"), fullPage: true });
  await recipient.close();
});
