import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { createDatabase, type Database } from "@gatehouse/db";
import { ensureAccount, ensureMember } from "@gatehouse/core";
import { waitForEmailOverHttp } from "@gatehouse/testing";

export const PASSWORD = "correct-horse-battery";

type Fixtures = {
  db: Database;
  /** A fresh account of its own for this test: an admin and a member, unique emails. */
  team: { accountId: string; slug: string; admin: { email: string; id: string }; member: { email: string; id: string } };
};

export const test = base.extend<Fixtures>({
  db: async ({}, use) => {
    const db = createDatabase(process.env.DATABASE_URL!, { max: 2 });
    await use(db);
    await db.$client.end();
  },
  team: async ({ db }, use) => {
    const tag = randomBytes(4).toString("hex");
    const account = await ensureAccount(db, { name: `Team ${tag}`, slug: `team-${tag}` });
    const admin = await ensureMember(db, { accountId: account.id, email: `admin-${tag}@e2e.test`, name: `Admin ${tag}`, role: "admin", password: PASSWORD });
    const member = await ensureMember(db, {
      accountId: account.id,
      email: `member-${tag}@e2e.test`,
      name: `Member ${tag}`,
      role: "member",
      password: PASSWORD,
    });
    await use({ accountId: account.id, slug: account.slug, admin: { email: admin.email, id: admin.id }, member: { email: member.email, id: member.id } });
  },
});

export { expect };

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Reads an email from the real SMTP server the app delivers to in tests. */
export function waitForEmail(to: string, subject?: RegExp, after?: Date) {
  return waitForEmailOverHttp(process.env.SMTP_CAPTURE_HTTP_URL!, { to, subject, after, timeoutMs: 15_000 });
}

/** The form's own error message (Next.js also renders an empty-ish role=alert route announcer). */
export function formAlert(page: Page) {
  return page.locator("form [role=alert]");
}
