import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../support/fixtures";

/** The type a person sees: the body text and the page heading. */
async function typeOf(page: Page) {
  return page.evaluate(() => {
    const pick = (element: Element) => {
      const style = getComputedStyle(element);
      return { fontFamily: style.fontFamily, fontSize: style.fontSize, lineHeight: style.lineHeight, fontWeight: style.fontWeight };
    };
    return { body: pick(document.body), h1: pick(document.querySelector("h1")!) };
  });
}

test("the IdP sandbox's pages use the app's type", async ({ page, browser, team }) => {
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const app = await typeOf(page);

  const sandbox = await browser.newPage();
  await sandbox.goto(process.env.IDP_SANDBOX_URL!);
  await sandbox.screenshot({ path: test.info().outputPath("sandbox-index.png"), fullPage: true });
  const fromSandbox = await typeOf(sandbox);

  expect(fromSandbox.body.fontFamily).toBe(app.body.fontFamily);
  expect(fromSandbox.h1).toEqual(app.h1);
  expect(fromSandbox.body.fontSize).toBe("14px");
});
