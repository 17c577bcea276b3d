import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { signInAtSandbox } from "../support/sandbox";
import { configureOkta } from "../support/issue9-connections";

/** One line of Test Connection's mapping preview, by the profile field it fills. */
const previewLine = (page: Page, field: string) => page.getByTestId("mapping-line").filter({ has: page.getByRole("cell", { name: field, exact: true }) });

async function authenticate(page: Page, email: string) {
  await page.getByRole("button", { name: "Authenticate" }).click();
  await signInAtSandbox(page, email);
  await expect(page).toHaveURL(/authenticated=1/);
}

test("a mapping change shows in Test Connection's preview and in the next sign-in's profile", async ({ page }) => {
  const { team } = await configureOkta(page);
  // The sandbox names people it was given no names for after their email: "admin-<tag> Tester".
  const givenName = team.admin.email.split("@")[0]!;
  await authenticate(page, team.admin.email);
  const name = page
    .getByTestId("last-result")
    .locator("dt", { hasText: /^Name$/ })
    .locator("xpath=following-sibling::dd[1]");
  await expect(name).toHaveText(`${givenName} Tester`);

  await page.getByRole("button", { name: "Test Connection" }).click();
  await expect(previewLine(page, "email")).toContainText(`← email`);
  await expect(previewLine(page, "email")).toContainText(`= ${team.admin.email}`);
  await expect(previewLine(page, "displayName")).toContainText(`← name`);
  await expect(previewLine(page, "displayName")).toContainText(`= ${givenName} Tester`);

  // The display name now comes from given_name.
  await page.getByText("Attribute mapping", { exact: true }).click();
  await page.getByLabel("Display name", { exact: true }).fill("given_name");
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connection saved." })).toBeVisible();

  await page.getByRole("button", { name: "Test Connection" }).click();
  await expect(previewLine(page, "displayName")).toContainText(`← given_name`);
  await expect(previewLine(page, "displayName")).toContainText(`= ${givenName}`);
  await expect(previewLine(page, "displayName")).not.toContainText("Tester");

  await authenticate(page, team.admin.email);
  await expect(name).toHaveText(givenName);
});
