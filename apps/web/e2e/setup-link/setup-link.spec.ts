import { and, auditEvents, eq, ssoSetupLinks } from "@gatehouse/db";
import { expect, signIn, test, waitForEmail } from "../support/fixtures";
import { addSandboxUser, createOidcClient, createSsoTeam, signInAtSandbox } from "../support/sandbox";
import { testConnectionPasses } from "../support/sso-wizard";
import { openFromMailbox, saveOktaConnection, sendSetupLink } from "./setup-link-support";

test("an IT admin sets up SSO through a setup link; the admin sees its progress and keeps switching on", async ({ browser, page, db }) => {
  const team = await createSsoTeam();
  const client = await createOidcClient("okta", "client_secret_post");
  const itAdmin = `ops-${team.tag}@it.test`;
  const sentAfter = new Date();
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await sendSetupLink(page, itAdmin);
  const row = page.getByTestId("setup-link-row").filter({ hasText: itAdmin });
  await expect(row).toContainText("Active");

  const recipient = await browser.newContext();
  const tab = await openFromMailbox(recipient, db, itAdmin, sentAfter);
  await expect(tab).toHaveURL(/\/setup$/);
  await expect(tab.getByTestId("setup-link-banner")).toContainText(`opened by ${itAdmin}`);
  await expect(tab.getByRole("heading", { name: `Set up single sign-on for ${team.account.name}` })).toBeVisible();
  // The admin is named by name, with their account.
  await expect(tab.getByTestId("setup-link-sender")).toHaveText(`Admin ${team.tag} at ${team.account.name} asked you to set up single sign-on.`);
  // Nothing else of the account: no console navigation.
  await expect(tab.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
  await expect(tab.getByRole("link", { name: "Team" })).toHaveCount(0);
  await tab.screenshot({ path: test.info().outputPath("setup-link-home.png"), fullPage: true });

  // The console's own wizard, on the link's pages.
  await saveOktaConnection(tab, client, team.tag);
  await testConnectionPasses(tab);
  // Switching on and deleting stay with the account's admins.
  await expect(tab.getByRole("button", { name: "Switch on" })).toHaveCount(0);
  await expect(tab.getByRole("button", { name: "Delete connection" })).toHaveCount(0);

  // Authenticate: a real round trip through the IdP as the recipient, recorded for the admins.
  await addSandboxUser(itAdmin);
  await tab.getByRole("button", { name: "Authenticate" }).click();
  await signInAtSandbox(tab, itAdmin);
  await expect(tab).toHaveURL(/\/setup\/[0-9a-f-]{36}\?authenticated=1/);
  await expect(tab.getByTestId("last-result")).toContainText(`Last result: succeeded (Authenticate`);
  await expect(tab.getByTestId("last-result")).toContainText(`by ${itAdmin} via setup link`);
  await expect(tab.getByTestId("setup-link-banner")).toBeVisible();
  await tab.screenshot({ path: test.info().outputPath("setup-link-connection.png"), fullPage: true });

  // It signed the recipient in to nothing: the team page still asks for a sign-in.
  await tab.goto("/settings/team");
  await expect(tab).toHaveURL(/\/login/);
  expect((await recipient.cookies()).map((c) => c.name)).not.toContain("authjs.session-token");

  // Every step is recorded under the recipient.
  const actions = (
    await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, team.account.id), eq(auditEvents.actorLabel, `${itAdmin} via setup link`)))
  ).map((e) => e.action);
  expect(actions).toEqual(
    expect.arrayContaining(["sso.setup_link_opened", "sso.connection.created", "sso.connection.test_passed", "sso.authenticate.succeeded"]),
  );

  // The admin is told it is ready, sees how far it got, and can switch it on.
  const ready = await waitForEmail(team.admin.email, /is ready to switch on/, sentAfter);
  expect(ready.text).toContain(itAdmin);
  await page.reload();
  for (const step of ["Opened", "Connection saved", "Test passed", "Authenticate passed"]) await expect(row.getByText(`✓ ${step}`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("setup-link-progress.png"), fullPage: true });
  await page.getByRole("link", { name: `Okta ${team.tag}` }).click();
  await expect(page.getByRole("button", { name: "Switch on" })).toBeEnabled();

  // Revoked: the recipient's next page says so.
  await page.goto("/settings/security");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText(`The setup link for ${itAdmin} no longer works.`)).toBeVisible();
  await tab.goto("/setup");
  await expect(tab).toHaveURL(/\/setup-link\/refused\?reason=revoked/);
  await expect(tab.getByRole("heading", { name: "This setup link was revoked" })).toBeVisible();
  await recipient.close();
});

test("an expired setup link is refused with a clear page", async ({ browser, page, db }) => {
  const team = await createSsoTeam();
  const itAdmin = `ops-${team.tag}@it.test`;
  const sentAfter = new Date();
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await sendSetupLink(page, itAdmin);
  await db
    .update(ssoSetupLinks)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(ssoSetupLinks.email, itAdmin));

  const recipient = await browser.newContext();
  const tab = await openFromMailbox(recipient, db, itAdmin, sentAfter);
  await expect(tab).toHaveURL(/\/setup-link\/refused\?reason=expired/);
  await expect(tab.getByRole("heading", { name: "This setup link has expired" })).toBeVisible();
  await expect(tab.getByText(/send it again/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("setup-link-row").filter({ hasText: itAdmin })).toContainText("Expired");
  await recipient.close();
});
