import { expect, test } from "../support/fixtures";
import { createSamlApp, createSsoTeam, rotateSamlKey } from "../support/sandbox";
import { authenticateAndSwitchOn, memberSignsInWithSso } from "../support/sso-wizard";
import { configureSamlFromUrl, fingerprintOf, freshPage } from "../support/issue9-connections";

test("SAML certificate rotation from the metadata URL, without a failed sign-in", async ({ browser, page }) => {
  const team = await createSsoTeam();
  const app = await createSamlApp(`Rotation ${team.tag}`);
  const oldFingerprint = fingerprintOf(app.certificatePem);
  const button = `Sign in with rotating SAML ${team.tag}`;
  await configureSamlFromUrl(page, team, app, button);
  await authenticateAndSwitchOn(page, team.admin.email);
  await memberSignsInWithSso(await freshPage(browser), team.account.slug, button, team.member.email);

  const certificates = page.getByTestId("certificate-row");
  const oldRow = certificates.filter({ hasText: oldFingerprint });
  const newRow = certificates.filter({ hasNotText: oldFingerprint });
  await expect(certificates).toHaveCount(1);

  // The IdP publishes its next key ahead of using it; the admin has the metadata re-read.
  await rotateSamlKey(app.id, "rotate");
  await page.getByRole("button", { name: "Re-read metadata now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Re-read the metadata: added certificate SHA-256/ })).toBeVisible();
  await expect(certificates).toHaveCount(2);
  await expect(newRow).toContainText("Last verified a sign-in: Never");
  await expect(oldRow).toContainText(/Last verified a sign-in: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  // The IdP now signs with the new key: the member signs in as before.
  await rotateSamlKey(app.id, "activate-next");
  await memberSignsInWithSso(await freshPage(browser), team.account.slug, button, team.member.email);
  await page.reload();
  await expect(newRow).toContainText(/Last verified a sign-in: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  // The old certificate is no longer needed; sign-ins keep working without it.
  await oldRow.getByRole("button", { name: /^Remove/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `Removed the certificate SHA-256 ${oldFingerprint}` })).toBeVisible();
  await expect(certificates).toHaveCount(1);
  await expect(oldRow).toHaveCount(0);
  await memberSignsInWithSso(await freshPage(browser), team.account.slug, button, team.member.email);

  // The last certificate cannot go: the connection would accept no response at all.
  await certificates.getByRole("button", { name: /^Remove/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "A connection needs at least one signing certificate." })).toBeVisible();
  await expect(certificates).toHaveCount(1);
  // No Authenticate or test sign-in failed along the way.
  await expect(page.getByTestId("result-row").filter({ hasText: "Failed" })).toHaveCount(0);
});
