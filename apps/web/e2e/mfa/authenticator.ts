import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import type { Database } from "@gatehouse/db";
import { confirmMfaEnrolment, startMfaEnrolment } from "@gatehouse/core";
import { expect } from "../support/fixtures";

/**
 * The test's own authenticator app: codes computed with otpauth from the key the page shows.
 * `stepsAhead` 1 gives the next 30-second step's code, which the server accepts (one step of
 * drift) and which is later than any code already used, so a second sign-in is not a replay.
 */
export function codeFor(manualKey: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(manualKey.replace(/\s+/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/** Enrols the signed-in user on /settings/account/mfa; returns the key and the recovery codes shown. */
export async function enrolInConsole(page: Page): Promise<{ key: string; recoveryCodes: string[] }> {
  await page.goto("/settings/account/mfa");
  await page.getByRole("link", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const key = (await page.getByTestId("mfa-manual-key").innerText()).trim();
  await page.getByLabel("Code from your app", { exact: true }).fill(codeFor(key));
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  return { key, recoveryCodes: await list.getByRole("listitem").allInnerTexts() };
}

/** Enrols a user straight through core (for tests about something else); returns the key. */
export async function enrolDirectly(db: Database, user: { id: string; email: string }): Promise<string> {
  const ctx = { db, encryptionKey: process.env.ENCRYPTION_KEY! };
  const started = await startMfaEnrolment(ctx, { userId: user.id, email: user.email });
  if (!started.ok) throw new Error(started.error);
  const key = started.value.manualKey;
  const confirmed = await confirmMfaEnrolment(ctx, { userId: user.id, code: codeFor(key, -1), actor: { userId: user.id, label: user.email, ip: null } });
  if (!confirmed.ok) throw new Error(confirmed.error);
  return key;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
