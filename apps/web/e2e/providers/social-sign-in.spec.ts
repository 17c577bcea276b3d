import { and, eq, loginProviderIdentities, loginProviders, sessions, users } from "@gatehouse/db";
import { expect, signIn, test, waitForEmail } from "../support/fixtures";
import { freshPage } from "../support/issue9-connections";
import { addSandboxUser } from "../support/sandbox";
import { createProviderClient, makeStaff, seedProvider, signInWithProvider, tag } from "../support/providers";
import { codeFor, enrolDirectly } from "../mfa/authenticator";

test("staff add a Google-shaped provider, test it, switch it on; a new person signs up with it", async ({ browser, page, db, team }) => {
  await makeStaff(db, team.admin.email);
  const identifier = `google-${tag()}`;
  const client = await createProviderClient("google", identifier);

  await signIn(page, team.admin.email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.admin.email);
  await page.getByRole("link", { name: "Identity providers" }).click();
  await page.getByRole("link", { name: "Add provider" }).click();
  await page.getByLabel("Name", { exact: true }).fill(`Google ${identifier}`);
  // Bad input: a clear message, and nothing typed is lost.
  await page.getByLabel("Identifier").fill("Not Valid!");
  await page.getByLabel("Domain or issuer").fill(client.issuer);
  await page.getByRole("button", { name: "Add provider" }).click();
  await expect(page.getByText("Use 1–40 lowercase letters, digits or hyphens")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`Google ${identifier}`);
  await page.getByLabel("Identifier").fill(identifier);
  await page.getByLabel("Domain or issuer").fill(client.issuer);
  await page.getByLabel("Client ID").fill(client.client_id);
  await page.getByLabel("Client secret").fill(client.client_secret);
  await page.getByRole("button", { name: "Add provider" }).click();
  await expect(page.getByText("Provider added. Test it, then enable it.")).toBeVisible();
  await expect(page.getByTestId("callback-url")).toHaveText(`${process.env.APP_URL}/api/providers/${identifier}/callback`);
  // The secret is stored encrypted and only its last characters are shown.
  const [row] = await db.select().from(loginProviders).where(eq(loginProviders.identifier, identifier));
  expect(row!.clientSecretEncrypted).not.toContain(client.client_secret);
  await expect(page.getByText(`Stored: ••••••••${client.client_secret.slice(-4)}`)).toBeVisible();

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText("Connection test passed.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Test results" })).toContainText("JWKS");
  await page.getByLabel("Logo file").setInputFiles({
    name: "g.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script><circle cx="32" cy="32" r="30" fill="#4285f4"/></svg>',
    ),
  });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Logo saved.")).toBeVisible();
  const [withLogo] = await db.select().from(loginProviders).where(eq(loginProviders.identifier, identifier));
  expect(Buffer.from(withLogo!.logoDataUrl!.split(",")[1]!, "base64").toString()).not.toContain("script");
  await page.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText("Provider enabled")).toBeVisible();
  await page.goto("/admin/identity-providers");
  const on = page.getByRole("button", { name: "Turn Federated Login on" });
  if (await on.isVisible()) await on.click();
  await expect(page.getByRole("button", { name: "Turn Federated Login off" })).toBeVisible();

  const newcomer = `new-${identifier}@e2e.test`;
  await addSandboxUser(newcomer);
  const visitor = await freshPage(browser);
  await visitor.goto("/login");
  await expect(visitor.getByText("Or continue with")).toBeVisible();
  await expect(visitor.getByRole("button", { name: `Login with Google ${identifier}` }).locator("img")).toHaveCount(1);
  await signInWithProvider(visitor, `Login with Google ${identifier}`, newcomer);
  await expect(visitor).toHaveURL(/\/no-account/);
  const [user] = await db.select().from(users).where(eq(users.email, newcomer));
  expect(user!.emailVerifiedAt).not.toBeNull();
  expect(user!.passwordHash).toBeNull();
  const identities = await db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, user!.id));
  expect(identities).toHaveLength(1);
  expect(identities[0]!.subject).toMatch(/^1\d{20}$/);
  const [session] = await db.select().from(sessions).where(eq(sessions.userId, user!.id));
  expect(session!.method).toBe("social");
});

test("someone who is not staff gets a 404 for the console", async ({ page, team }) => {
  await signIn(page, team.member.email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.member.email);
  await expect(page.getByRole("link", { name: "Identity providers" })).toHaveCount(0);
  const response = await page.goto("/admin/identity-providers");
  expect(response!.status()).toBe(404);
});

test("a match-only provider refuses a stranger with the reason", async ({ page, db }) => {
  const provider = await seedProvider(db, { provisioningMode: "match_only" });
  const stranger = `stranger-${provider.identifier}@e2e.test`;
  await addSandboxUser(stranger);
  await signInWithProvider(page, provider.buttonText, stranger);
  await expect(page).toHaveURL(/\/login\?providerError=no_matching_login/);
  await expect(page.getByRole("alert").filter({ hasText: "There is no Gatehouse login with this email" })).toBeVisible();
  expect(await db.select().from(users).where(eq(users.email, stranger))).toHaveLength(0);
});

test("an existing login is linked only after the person confirms", async ({ page, db, team }) => {
  const provider = await seedProvider(db);
  await addSandboxUser(team.member.email);
  await signInWithProvider(page, provider.buttonText, team.member.email);
  await expect(page.getByRole("heading", { name: `Link ${provider.name} to your login?` })).toBeVisible();
  // Nothing is linked before the confirmation.
  expect(await db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, team.member.id))).toHaveLength(0);
  await page.getByRole("button", { name: "Link and sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.member.email);
  expect(await db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, team.member.id))).toHaveLength(1);
});

test("under “always verify”, a new person proves their email by a link first", async ({ page, db }) => {
  const provider = await seedProvider(db, { emailTrust: "always_verify" });
  const person = `verify-${provider.identifier}@e2e.test`;
  await addSandboxUser(person);
  const startedAt = new Date();
  await signInWithProvider(page, provider.buttonText, person);
  await expect(page.getByRole("heading", { name: "Confirm your email to finish" })).toBeVisible();
  expect(await db.select().from(users).where(eq(users.email, person))).toHaveLength(0);
  const email = await waitForEmail(person, /Confirm your email address/, startedAt);
  const link = email.links.find((href) => href.includes("/api/providers/verify?token="));
  expect(link).toBeDefined();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/no-account/);
  expect(
    await db
      .select()
      .from(users)
      .where(and(eq(users.email, person))),
  ).toHaveLength(1);
});

test("under “verify with claim”, an unverified email is not trusted", async ({ page, db }) => {
  const provider = await seedProvider(db, { emailTrust: "verify_with_claim" });
  const person = `unverified-${provider.identifier}@e2e.test`;
  await addSandboxUser(person, { emailVerified: false });
  await signInWithProvider(page, provider.buttonText, person);
  await expect(page.getByRole("heading", { name: "Confirm your email to finish" })).toBeVisible();
  expect(await db.select().from(users).where(eq(users.email, person))).toHaveLength(0);
});

test("a member with two-step verification still owes the code after signing in with a provider", async ({ page, db, team }) => {
  const provider = await seedProvider(db);
  const key = await enrolDirectly(db, team.member);
  await addSandboxUser(team.member.email);
  await signInWithProvider(page, provider.buttonText, team.member.email);
  await page.getByRole("button", { name: "Link and sign in" }).click();
  await expect(page).toHaveURL(/\/login\/mfa/);
  // The provider's sign-in alone opens no console page.
  await page.goto("/settings/team");
  await expect(page).toHaveURL(/\/login\/mfa/);
  await page.getByLabel("Authentication code").fill(codeFor(key, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.member.email);
});
