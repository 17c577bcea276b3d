import type { Browser, Page } from "@playwright/test";
import { ensureMember } from "@gatehouse/core";
import type { Database } from "@gatehouse/db";
import { expect, PASSWORD, test } from "../support/fixtures";
import { configureOkta, configureSamlByHand, freshPage, startSsoSignIn } from "../support/issue9-connections";
import { createSamlApp, createSsoTeam } from "../support/sandbox";
import { authenticateAndSwitchOn, memberSignsInWithSso } from "../support/sso-wizard";
import { codeFor, enrolDirectly } from "../mfa/authenticator";

// Issue 12, item 1: one account's IdP vouches only for that account.

test("another account's IdP with JIT cannot sign in as an existing user of a different account", async ({ browser, page }) => {
  // The reported attack: Globex's admin points a JIT connection at an IdP they control, which
  // asserts Acme's admin.
  const acme = await createSsoTeam();
  const { team: globex, buttonText } = await configureOkta(page, { provisioning: "jit", jitRole: "admin" });
  await authenticateAndSwitchOn(page, globex.admin.email);

  const attacker = await freshPage(browser);
  await startSsoSignIn(attacker, globex.account.slug, buttonText, acme.admin.email);
  await expect(attacker.getByRole("heading", { name: "We could not sign you in" })).toBeVisible();
  await expect(attacker.getByText("This person already has a login here; invite them to the account instead.")).toBeVisible();
  await attacker.goto("/settings/team");
  await expect(attacker).toHaveURL(/\/login/);

  // Nothing was attached to Globex, and Globex's audit log says why.
  await page.goto("/settings/team");
  await expect(page.getByTestId("member-row").filter({ hasText: acme.admin.email })).toHaveCount(0);
  await page.goto("/settings/audit");
  await expect(page.getByText(/^SSO sign-in refused for .*already has a login here/).first()).toBeVisible();
});

test("a session from one account's SSO opens that account only; the other asks for its own sign-in", async ({ browser, page, db }) => {
  const { team: globex, buttonText } = await configureOkta(page);
  await authenticateAndSwitchOn(page, globex.admin.email);
  // Acme's admin is also a member of Globex.
  const acme = await createSsoTeam();
  await ensureMember(db, { accountId: globex.account.id, email: acme.admin.email, name: "", role: "member" });

  const person = await freshPage(browser);
  await memberSignsInWithSso(person, globex.account.slug, buttonText, acme.admin.email);
  const switcher = person.getByLabel("Account");
  await expect(switcher.locator("option:checked")).toHaveText(globex.account.name);
  await expect(switcher.locator("option", { hasText: `${acme.account.name} (sign-in needed)` })).toHaveCount(1);
  // Security (admin-only) is not shown: in Globex this person is a member.
  await expect(person.getByRole("link", { name: "Security" })).toHaveCount(0);

  await switcher.selectOption({ label: `${acme.account.name} (sign-in needed)` });
  await person.getByRole("button", { name: "Switch" }).click();
  await expect(person.getByRole("heading", { name: `Sign in to ${acme.account.name}` })).toBeVisible();
  await expect(person.getByText(/counts for .* only/)).toBeVisible();

  await person.getByLabel("Password").fill("not-the-password");
  await person.getByRole("button", { name: "Continue with password" }).click();
  await expect(person.getByText("That password is not right.")).toBeVisible();
  await person.getByLabel("Password").fill(PASSWORD);
  await person.getByRole("button", { name: "Continue with password" }).click();
  await expect(person).toHaveURL(/\/settings\/team/);
  await expect(switcher.locator("option:checked")).toHaveText(acme.account.name);
  await expect(person.getByRole("link", { name: "Security" })).toBeVisible();
});

test("a SAML sign-in finished in the ACS post keeps what the browser's earlier sign-in proved", async ({ browser, page, db }) => {
  const { team: globex, buttonText: globexButton } = await configureOkta(page);
  await authenticateAndSwitchOn(page, globex.admin.email);
  // Acme signs in with SAML from an IdP on another site, so its post to our ACS is cross-site.
  const acme = await createSsoTeam();
  const app = await createSamlApp(`Gatehouse ${acme.tag}`);
  const acmeButton = `Sign in with SAML ${acme.tag}`;
  const acmeAdmin = await freshPage(browser);
  await configureSamlByHand(acmeAdmin, acme, { ...app, ssoUrl: app.ssoUrl.replace("//localhost:", "//127.0.0.1:") }, acmeButton);
  await authenticateAndSwitchOn(acmeAdmin, acme.admin.email);
  await ensureMember(db, { accountId: globex.account.id, email: acme.member.email, name: "", role: "member" });

  const person = await freshPage(browser);
  await memberSignsInWithSso(person, globex.account.slug, globexButton, acme.member.email);
  const switcher = person.getByLabel("Account");
  await expect(switcher.locator("option", { hasText: `${acme.account.name} (sign-in needed)` })).toHaveCount(1);

  // Acme's sign-in ends in the ACS post (no callback), which carries no session cookie: Globex's
  // proof still carries over, from the session the flow's browser held when it started.
  const callbacks: string[] = [];
  person.on("request", (request) => void (new URL(request.url()).pathname === "/api/sso/saml/callback" && callbacks.push(request.url())));
  await memberSignsInWithSso(person, acme.account.slug, acmeButton, acme.member.email);
  expect(callbacks).toEqual([]);
  await expect(switcher.locator("option:checked")).toHaveText(acme.account.name);
  await expect(switcher.locator("option", { hasText: "(sign-in needed)" })).toHaveCount(0);
  await switcher.selectOption({ label: globex.account.name });
  await person.getByRole("button", { name: "Switch" }).click();
  await expect(switcher.locator("option:checked")).toHaveText(globex.account.name);
});

/** Acme's admin, enrolled in MFA and also a member of Globex, signed in through Globex's SSO. */
async function enrolledPersonSignedInThroughGlobex(browser: Browser, page: Page, db: Database) {
  const { team: globex, buttonText } = await configureOkta(page);
  await authenticateAndSwitchOn(page, globex.admin.email);
  const acme = await createSsoTeam();
  await ensureMember(db, { accountId: globex.account.id, email: acme.admin.email, name: "", role: "member" });
  const key = await enrolDirectly(db, acme.admin);
  const person = await freshPage(browser);
  await memberSignsInWithSso(person, globex.account.slug, buttonText, acme.admin.email);
  return { globex, acme, key, person };
}

/** At the code step: a wrong code is refused (the password is not asked again), the right one opens the account. */
async function wrongCodeThenRightCode(person: Page, key: string, accountName: string) {
  await person.getByLabel("Authentication code").fill("000000");
  await person.getByRole("button", { name: "Verify" }).click();
  await expect(person.getByText("That code doesn't match.")).toBeVisible();
  await person.getByLabel("Authentication code").fill(codeFor(key));
  await person.getByRole("button", { name: "Verify" }).click();
  await expect(person).toHaveURL(/\/settings\/team/);
  await expect(person.getByLabel("Account").locator("option:checked")).toHaveText(accountName);
}

test("switching by password asks an enrolled person for their code too, and a wrong code keeps the password", async ({ browser, page, db }) => {
  const { globex, acme, key, person } = await enrolledPersonSignedInThroughGlobex(browser, page, db);
  await person.getByLabel("Account").selectOption({ label: `${acme.account.name} (sign-in needed)` });
  await person.getByRole("button", { name: "Switch" }).click();
  await person.getByLabel("Password").fill(PASSWORD);
  await person.getByRole("button", { name: "Continue with password" }).click();

  // The password alone does not open Acme: the code step, as at a password sign-in.
  await expect(person.getByText(`Enter the code from your authenticator app for ${acme.admin.email}.`)).toBeVisible();
  await expect(person.getByRole("link", { name: "Use a recovery code instead" })).toBeVisible();
  await person.goto("/settings/team");
  await expect(person.getByLabel("Account").locator("option:checked")).toHaveText(globex.account.name);
  await person.goto(`/switch-account/${acme.account.id}`);

  await wrongCodeThenRightCode(person, key, acme.account.name);

  await person.goto("/settings/audit");
  await expect(person.getByText("proved access to this account with a password and an authenticator app code").first()).toBeVisible();
});

test("the switch's password and code steps work without JavaScript", async ({ browser, page, db }) => {
  const { acme, key, person: signedIn } = await enrolledPersonSignedInThroughGlobex(browser, page, db);

  const person = await (await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() })).newPage();
  await person.goto(`/switch-account/${acme.account.id}`);
  await person.getByLabel("Password").fill(PASSWORD);
  await person.getByRole("button", { name: "Continue with password" }).click();
  await person.getByRole("link", { name: "Use a recovery code instead" }).click();
  await person.getByRole("link", { name: "Use your authenticator app instead" }).click();
  await wrongCodeThenRightCode(person, key, acme.account.name);
});
