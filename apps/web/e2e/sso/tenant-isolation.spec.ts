import type { Browser, Page } from "@playwright/test";
import { ensureMember } from "@gatehouse/core";
import type { Database } from "@gatehouse/db";
import { expect, PASSWORD, test } from "../support/fixtures";
import { configureOkta, freshPage, startSsoSignIn } from "../support/issue9-connections";
import { createSsoTeam } from "../support/sandbox";
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
