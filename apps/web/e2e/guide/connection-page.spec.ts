import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { signInAtSandbox } from "../support/sandbox";
import { testConnectionPasses, memberSignsInWithSso } from "../support/sso-wizard";
import { configureOkta, freshPage } from "../support/issue9-connections";

async function expectSteps(page: Page, states: string[]) {
  await expect(page.getByTestId("setup-step")).toHaveCount(states.length);
  for (const [index, state] of states.entries()) await expect(page.getByTestId("setup-step").nth(index)).toHaveAttribute("data-state", state);
}

test("the connection page guides from Save to On, lists member sign-ins, and asks before switching off or deleting", async ({ browser, page }) => {
  const { team, buttonText } = await configureOkta(page);
  const connectionName = `Okta ${team.tag}`;
  const heading = page.getByRole("heading", { level: 1, name: connectionName });
  const status = page.locator("h1 + span");

  // Just saved: Save is ticked, Test Connection is next, and the page says so above the fold.
  await expect(heading).toBeVisible();
  await expect(status).toHaveText("Not yet proven");
  // Verify a domain and Require SSO follow the switch, for admins.
  await expectSteps(page, ["done", "current", "todo", "todo", "todo", "todo"]);
  await expect(page.getByTestId("next-action")).toContainText("Run Test Connection");
  await expect(page.getByTestId("next-action")).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath("connection-just-saved.png"), fullPage: true });

  await testConnectionPasses(page);
  await page.reload();
  await expectSteps(page, ["done", "done", "current", "todo", "todo", "todo"]);

  await page.getByRole("button", { name: "Authenticate" }).click();
  await signInAtSandbox(page, team.admin.email);
  await expect(page).toHaveURL(/authenticated=1/);
  await expect(status).toHaveText("Ready to switch on");
  await expectSteps(page, ["done", "done", "done", "current", "todo", "todo"]);
  // One banner: the latest result.
  await expect(page.getByTestId("last-result")).toContainText("Last result: succeeded (Authenticate");

  await page.getByRole("button", { name: "Switch on" }).click();
  await expect(status).toHaveText("On");
  await expectSteps(page, ["done", "done", "done", "done", "current", "todo"]);
  // On: the next step is the account's, on the Domains page.
  await expect(page.getByTestId("next-action")).toContainText("Verify your email domain");
  await expect(page.getByTestId("next-action").getByRole("link")).toHaveAttribute("href", "/settings/domains");
  // The flash of the switch is the one banner now; the stale Authenticate result is not stacked with it.
  await expect(page.getByText("Connection switched on. Members can now sign in with it.")).toBeVisible();
  await expect(page.getByTestId("last-result")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("connection-on.png"), fullPage: true });

  // A member signs in; the admin sees who, when and how it ended.
  const member = await freshPage(browser);
  await memberSignsInWithSso(member, team.account.slug, buttonText, team.member.email);
  await page.reload();
  const memberRow = page.getByTestId("result-row").filter({ hasText: "Member sign-in" }).first();
  await expect(memberRow).toContainText(team.member.email);
  await expect(memberRow).toContainText("Succeeded");
  await expect(memberRow).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  // Switch off is in the Danger zone tab, reached with the arrow keys; it asks first, keyboard
  // only: focus starts on Cancel, Escape keeps the connection on.
  await page.getByRole("tab", { name: "Settings" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Display" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Danger zone" })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/[?&]tab=danger/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("tabpanel", { name: "Danger zone" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Switch off" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: `Switch off ${connectionName}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath("switch-off-dialog.png") });
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(status).toHaveText("On");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Switch off" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Connection switched off. Sessions it signed in have ended.")).toBeVisible();
  await expect(status).toHaveText("Ready to switch on");
  await expect(page).toHaveURL(/[?&]tab=danger/);
  await expect(page.getByRole("tab", { name: "Danger zone" })).toHaveAttribute("aria-selected", "true");

  // Delete asks too; Cancel deletes nothing.
  await page.getByRole("button", { name: "Delete connection" }).click();
  const deleteDialog = page.getByRole("alertdialog", { name: `Delete ${connectionName}?` });
  await deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(heading).toBeVisible();
  await page.getByRole("button", { name: "Delete connection" }).click();
  await deleteDialog.getByRole("button", { name: "Delete connection" }).click();
  await expect(page.getByText("Connection deleted.")).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/security$|\/settings\/security\?/);
});

test("without JavaScript, switching off needs the box ticked: the server refuses a bare post", async ({ browser, page }) => {
  const { team } = await configureOkta(page);
  await page.getByRole("button", { name: "Authenticate" }).click();
  await signInAtSandbox(page, team.admin.email);
  await page.getByRole("button", { name: "Switch on" }).click();
  await expect(page.locator("h1 + span")).toHaveText("On");

  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto(page.url());
  await plain.getByRole("link", { name: "Open Danger zone" }).click();
  await plain.getByRole("button", { name: "Switch off" }).click();
  await expect(plain.getByText("Tick “I understand members it signed in are signed out” to switch the connection off.")).toBeVisible();
  await expect(plain.locator("h1 + span")).toHaveText("On");
  await plain.getByLabel("I understand members it signed in are signed out").check();
  await plain.getByRole("button", { name: "Switch off" }).click();
  await expect(plain.getByText("Connection switched off. Sessions it signed in have ended.")).toBeVisible();
  await noJs.close();
});

test("the Display tab renames the connection and its button; a refusal from the server lands back on the tab", async ({ browser, page }) => {
  const { team } = await configureOkta(page);
  await page.getByRole("tab", { name: "Settings" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/[?&]tab=display/);
  await expect(page.getByLabel("Connection name")).toHaveValue(`Okta ${team.tag}`);
  await page.getByLabel("Connection name").fill(`Okta renamed ${team.tag}`);
  await page.getByLabel("Sign-in button text").fill(`Sign in with Acme ${team.tag}`);
  await page.getByRole("button", { name: "Save name and button" }).click();
  await expect(page.getByText("Name and button text saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Okta renamed ${team.tag}` })).toBeVisible();
  await expect(page.getByTestId("logo-preview")).toHaveText(`Sign in with Acme ${team.tag}`);
  // The Settings tab saves the rest and keeps the new name.
  await page.getByRole("tab", { name: "Settings" }).click();
  await expect(page.getByLabel("Connection name")).toHaveCount(0);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Connection saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: `Okta renamed ${team.tag}` })).toBeVisible();

  // Without JavaScript the server checks: an empty button text is refused beside its field, on the Display tab.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto(page.url().replace("tab=settings", "tab=display"));
  await plain.getByLabel("Sign-in button text").fill("");
  await plain.getByRole("button", { name: "Save name and button" }).click();
  await expect(plain).toHaveURL(/[?&]tab=display/);
  await expect(plain.getByRole("tab", { name: "Display" })).toHaveAttribute("aria-selected", "true");
  await expect(plain.getByLabel("Sign-in button text")).toHaveAttribute("aria-invalid", "true");
  await expect(plain.getByLabel("Connection name")).toHaveValue(`Okta renamed ${team.tag}`);
  await noJs.close();
});
