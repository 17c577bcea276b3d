import type { BrowserContext, Page } from "@playwright/test";
import { emailOutbox, type Database } from "@gatehouse/db";
import { expect, waitForEmail } from "../support/fixtures";
import { fillConnectionSettings } from "../support/sso-wizard";

export const SUBJECT = /asked you to set up single sign-on/;

/** The admin sends a setup link from the Single sign-on page, choosing what else it covers. */
export async function sendSetupLink(page: Page, email: string, covers: ("Domains" | "SCIM")[] = []) {
  await page.goto("/settings/security");
  await page.getByLabel("Their email").fill(email);
  for (const label of covers) await page.getByLabel(label, { exact: true }).check();
  await page.getByRole("button", { name: "Send setup link" }).click();
  await expect(page.getByText(`Setup link sent to ${email}.`)).toBeVisible();
}

/**
 * The recipient clicks the link in their email as a person would: the app delivers over SMTP in
 * tests, so the captured email is put in the dev mailbox as `pnpm dev` would have kept it.
 */
export async function openFromMailbox(context: BrowserContext, db: Database, to: string, sentAfter: Date): Promise<Page> {
  const email = await waitForEmail(to, SUBJECT, sentAfter);
  await db
    .insert(emailOutbox)
    .values({ to, subject: email.subject, html: email.html, text: email.text ?? "", template: "sso_setup_link", transport: "dev-mailbox", status: "sent" });
  const mailbox = await context.newPage();
  await mailbox.goto("/dev/mailbox");
  await mailbox
    .getByRole("link", { name: new RegExp(email.subject) })
    .first()
    .click();
  const opened = context.waitForEvent("page");
  await mailbox.frameLocator('iframe[title="Email content"]').getByRole("link", { name: "Open the SSO setup" }).first().click();
  const tab = await opened;
  await tab.waitForLoadState();
  return tab;
}

/** The recipient saves an Okta connection in the setup link's wizard (the console's own pages, under /setup). */
export async function saveOktaConnection(tab: Page, client: { issuer: string; client_id: string; client_secret?: string }, tag: string) {
  await tab.getByRole("link", { name: /Okta/ }).click();
  await expect(tab).toHaveURL(/\/setup\/new\?provider=okta/);
  await tab.getByLabel("Okta organisation URL").fill(client.issuer);
  await tab.getByLabel("Client ID").fill(client.client_id);
  await tab.getByLabel("Client secret").fill(client.client_secret!);
  await fillConnectionSettings(tab, `Okta ${tag}`, `Sign in with Okta ${tag}`);
  await tab.getByRole("button", { name: "Save connection" }).click();
  await expect(tab).toHaveURL(/\/setup\/[0-9a-f-]{36}/);
}
