import { expect, type Page } from "@playwright/test";

/**
 * The id of the server action whose no-JS form holds `marker` (a button's label or aria-label), as
 * the admin's page carries it: a member replaying it tests the server's own check, not the page's.
 */
export async function actionIdBefore(page: Page, path: string, marker: string): Promise<string> {
  const html = await (await page.request.get(path)).text();
  const beforeMarker = html.slice(0, html.indexOf(marker));
  const actionField = [...beforeMarker.matchAll(/name="(\$ACTION_ID_[0-9a-f]+)"/g)].pop()?.[1];
  expect(actionField).toBeTruthy();
  return actionField!;
}
