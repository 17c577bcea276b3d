import type { Page } from "@playwright/test";
import { accounts, eq } from "@gatehouse/db";
import { expect, signIn, test } from "../support/fixtures";
import { authenticateAndSwitchOn, configureOkta, testConnectionPasses } from "../support/sso-wizard";
import { createStaff, enforceSsoFor, signInAsStaff } from "../support-console/staff";

const PHONE = { width: 390, height: 844 };

/** Nothing on the page is wider than the phone: wide tables scroll inside their cards. */
async function expectFitsThePhone(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
  const { widest, offenders } = await page.evaluate((limit) => {
    // Named in the failure so the element that pushes the page wide is easy to find.
    const offenders = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > limit && !element.closest(".overflow-x-auto"))
      .slice(-3)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`);
    return { widest: document.documentElement.scrollWidth, offenders };
  }, PHONE.width);
  expect(widest, `${name} is ${widest}px wide: ${offenders.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
}

test.use({ viewport: PHONE });

test("at 390 px the console's pages and tables fit, and the navigation collapses into a menu", async ({ page, db, team }) => {
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await enforceSsoFor(db, team.accountId, `narrow-${team.slug}.test`);
  await db.update(accounts).set({ authRequired: "any" }).where(eq(accounts.id, team.accountId));

  // Fill the wide tables: an API key (and with it an audit event) and a connection.
  await page.goto("/settings/api-keys");
  const accountCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "Account API keys" }) });
  await accountCard.getByLabel("Name").fill("A deploy bot with a rather long name");
  await accountCard.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("account-key-token")).toBeVisible();

  for (const [name, path] of [
    ["team", "/settings/team"],
    ["connections", "/settings/security"],
    ["audit", "/settings/audit"],
    ["api-keys", "/settings/api-keys"],
    ["domains", "/settings/domains"],
    ["account", "/settings/account"],
  ] as const) {
    await page.goto(path);
    await expectFitsThePhone(page, name);
  }

  // The links are behind a menu button; it opens, leads on, and closes after the navigation.
  const desktopNav = page.getByRole("navigation", { name: "Settings" });
  await expect(desktopNav).toHaveCount(0);
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("menu", { name: "Menu" }).getByRole("menuitem", { name: "Audit log" })).toBeVisible();
  await expectFitsThePhone(page, "menu-open");
  await page.getByRole("menuitem", { name: "Team" }).click();
  await expect(page).toHaveURL(/\/settings\/team$/);
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("at 390 px the menu works by keyboard: arrows move, Escape closes, Enter follows a link", async ({ page, team }) => {
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const button = page.getByRole("button", { name: "Menu" });
  await button.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Menu" });
  await expect(menu.getByRole("menuitem", { name: "Team" })).toBeFocused();
  await expect(menu.getByRole("menuitem", { name: "Team" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();

  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Team" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Security" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(menu).toHaveCount(0);
});

test("the menu works without JavaScript", async ({ browser, page: signingIn, team }) => {
  await signIn(signingIn, team.admin.email);
  await expect(signingIn).toHaveURL(/\/settings\/team/);
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, storageState: await signingIn.context().storageState() });
  const page = await context.newPage();
  await page.goto("/settings/team");
  await page.locator("summary", { hasText: "Menu" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
  await context.close();
});

test("at 390 px a connection's recent results fit", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { team } = await configureOkta(page);
  await testConnectionPasses(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(page.getByRole("region", { name: "Recent results" }).getByRole("table")).toBeVisible();
  await expectFitsThePhone(page, "connection");
});

test("at 390 px the support console's tables fit", async ({ page, db, team }) => {
  const staff = await createStaff(db);
  await enforceSsoFor(db, team.accountId, `support-${team.slug}.test`);
  await signInAsStaff(page, staff);
  await page.goto(`/support?q=${team.slug}`);
  await expectFitsThePhone(page, "support-search");
  await page.goto(`/support/accounts/${team.accountId}`);
  await expectFitsThePhone(page, "support-account");
});
