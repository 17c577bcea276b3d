import { expect, test } from "../support/fixtures";
import { createSamlApp, createSsoTeam } from "../support/sandbox";
import { openWizard, saveAndOpenConnection } from "../support/sso-wizard";

test("the SAML checklist explains each setting without gating the form, and a default name comes from the IdP", async ({ page }) => {
  const team = await createSsoTeam();
  const app = await createSamlApp(`Defaults ${team.tag}`);
  const host = new URL(app.entityId).host;
  await openWizard(page, team.admin.email, /SAML/);

  const checklist = page.getByRole("group", { name: /in your IdP/i });
  await expect(checklist.getByRole("checkbox")).toHaveCount(4);
  await expect(checklist.getByLabel("Response or assertion signed (either is enough)")).toBeVisible();
  await expect(checklist).toContainText("Entra and JumpCloud sign only the assertion by default");
  await page.screenshot({ path: test.info().outputPath("saml-wizard.png"), fullPage: true });

  // Nothing ticked, names left as offered: the values can still be entered and saved.
  await page.getByRole("radio", { name: "Metadata URL" }).check();
  await page.getByRole("textbox", { name: "Metadata URL" }).fill(app.metadataUrl);
  await expect(page.getByRole("textbox", { name: "Metadata URL" })).toBeEnabled();
  await saveAndOpenConnection(page);
  await expect(page.getByRole("heading", { level: 1, name: host })).toBeVisible();
  await page.getByRole("tab", { name: "Display" }).click();
  await expect(page.getByLabel("Sign-in button text")).toHaveValue(`Sign in with ${host}`);
});
