import { randomBytes } from "node:crypto";
import { accountDomains, accounts, eq, ssoConnections, users, type Database } from "@gatehouse/db";
import type { Page } from "@playwright/test";
import { ensureAccount, ensureMember } from "@gatehouse/core";
import { expect, PASSWORD, signIn } from "../support/fixtures";
import { codeFor, enrolDirectly } from "../mfa/authenticator";

export type Staff = { email: string; name: string; mfaKey: string | null };

/**
 * A staff user (flag set as `pnpm gatehouse staff add` does), member of an account of our own.
 * Enrolled in MFA unless `withoutMfa`, since the support console needs it.
 */
export async function createStaff(db: Database, options: { withoutMfa?: boolean } = {}): Promise<Staff> {
  const tag = randomBytes(4).toString("hex");
  const home = await ensureAccount(db, { name: `Gatehouse staff ${tag}`, slug: `staff-${tag}` });
  const staff = await ensureMember(db, { accountId: home.id, email: `sam-${tag}@gatehouse.test`, name: `Sam ${tag}`, role: "admin", password: PASSWORD });
  await db.update(users).set({ isStaff: true }).where(eq(users.id, staff.id));
  const mfaKey = options.withoutMfa ? null : await enrolDirectly(db, { id: staff.id, email: staff.email });
  return { email: staff.email, name: staff.name, mfaKey };
}

/** Signs staff in with password and, when enrolled, the code from their authenticator. */
export async function signInAsStaff(page: Page, staff: Staff) {
  await signIn(page, staff.email);
  if (staff.mfaKey) {
    await expect(page).toHaveURL(/\/login\/mfa/);
    await page.getByLabel("Authentication code").fill(codeFor(staff.mfaKey, 1));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(page).toHaveURL(/\/settings\/team/);
}

const MAPPING = { email: "email", firstName: "given_name", lastName: "family_name", displayName: "name", username: "preferred_username", picture: "picture" };

/** A customer account enforcing SSO: a verified domain of its own, a switched-on connection. */
export async function enforceSsoFor(db: Database, accountId: string, domain: string) {
  await db.update(accounts).set({ authRequired: "sso" }).where(eq(accounts.id, accountId));
  await db.insert(accountDomains).values({ accountId, domain, status: "verified", verificationToken: "e2e", enforceSso: true, verifiedAt: new Date() });
  const [connection] = await db
    .insert(ssoConnections)
    .values({ accountId, provider: "okta", name: "Okta", buttonText: "Sign in with Okta", enabled: true, verifiedAt: new Date(), attributeMapping: MAPPING })
    .returning();
  return connection!;
}
