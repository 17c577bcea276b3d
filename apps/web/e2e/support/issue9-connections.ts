import { X509Certificate } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { createDatabase } from "@gatehouse/db";
import { ensureMember } from "@gatehouse/core";
import { PASSWORD } from "./fixtures";
import { addSandboxUser, createOidcClient, createSsoTeam, rotateSamlKey, signInAtSandbox, type createSamlApp } from "./sandbox";
import { authenticateAndSwitchOn, fillConnectionSettings, openWizard, saveAndOpenConnection } from "./sso-wizard";

// Set-ups shared by the connection-settings specs (issue 9): each test gets its own team, its own
// sandbox client or app, and button texts carrying the team's tag, so tests never meet.

export type SsoTeam = Awaited<ReturnType<typeof createSsoTeam>>;
export type SamlApp = Awaited<ReturnType<typeof createSamlApp>>;

type OktaOptions = { provisioning?: "match" | "jit"; jitRole?: "admin" | "member"; emailTrust?: "verify_with_claim" | "trust" | "always_verify" };

/** A fresh team and an Okta connection saved through the wizard; the admin is left on its page. */
export async function configureOkta(page: Page, options: OktaOptions = {}) {
  const team = await createSsoTeam();
  const client = await createOidcClient("okta", "client_secret_post");
  const buttonText = `Sign in with Okta ${team.tag}`;
  await openWizard(page, team.admin.email, /Okta/);
  await page.getByLabel("Okta organisation URL").fill(client.issuer);
  await page.getByLabel("Client ID").fill(client.client_id);
  await page.getByLabel("Client secret").fill(client.client_secret!);
  await fillConnectionSettings(page, `Okta ${team.tag}`, buttonText);
  if (options.provisioning === "jit") await page.getByLabel("Just-in-time").check();
  if (options.jitRole) await page.getByLabel("Role for new members").selectOption(options.jitRole);
  if (options.emailTrust) await page.getByLabel("Email trust").selectOption(options.emailTrust);
  await saveAndOpenConnection(page);
  return { team, client, buttonText };
}

async function tickIdpChecklist(page: Page) {
  for (const box of await page
    .getByRole("group", { name: /in your IdP/i })
    .getByRole("checkbox")
    .all())
    await box.check();
}

/** A SAML connection read from the sandbox app's metadata URL; emails trusted (SAML has no verified claim). */
export async function configureSamlFromUrl(page: Page, team: SsoTeam, app: SamlApp, buttonText: string) {
  await openWizard(page, team.admin.email, /SAML/);
  await tickIdpChecklist(page);
  await page.getByRole("radio", { name: "Metadata URL" }).check();
  await page.getByRole("textbox", { name: "Metadata URL" }).fill(app.metadataUrl);
  await page.getByLabel("Email trust").selectOption("trust");
  await fillConnectionSettings(page, `SAML ${team.tag}`, buttonText);
  await saveAndOpenConnection(page);
}

/** A SAML connection from the three values the sandbox shows (issuer, SSO URL, certificate). */
export async function configureSamlByHand(page: Page, team: SsoTeam, app: SamlApp, buttonText: string) {
  await openWizard(page, team.admin.email, /SAML/);
  await tickIdpChecklist(page);
  await page.getByLabel(/Enter values by hand/).check();
  await page.getByLabel(/Identity Provider Issuer/).fill(app.entityId);
  await page.getByLabel(/Single Sign-On URL/).fill(app.ssoUrl);
  await page.getByLabel(/X.509 signing certificate/).fill(app.certificatePem);
  await page.getByLabel("Email trust").selectOption("trust");
  await fillConnectionSettings(page, `SAML ${team.tag}`, buttonText);
  await saveAndOpenConnection(page);
}

/** The certificate's SHA-256 fingerprint as the console shows it ("AB:CD:…"). */
export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256.toUpperCase();
}

/** The sandbox's "rotate" step, returning the next certificate it now publishes. */
export async function rotateToNextKey(appId: string): Promise<string> {
  const summary = (await rotateSamlKey(appId, "rotate")) as { keys: Array<{ state: string; certificatePem: string }> };
  const next = summary.keys.find((key) => key.state === "next");
  if (!next) throw new Error("The sandbox published no next key.");
  return next.certificatePem;
}

/** Another member of the team, known here and at the sandbox IdP (there with the given email_verified). */
export async function addMember(team: SsoTeam, email: string, sandbox: { emailVerified: boolean }) {
  const db = createDatabase(process.env.DATABASE_URL!, { max: 1 });
  try {
    await ensureMember(db, { accountId: team.account.id, email, name: "", role: "member", password: PASSWORD });
  } finally {
    await db.$client.end();
  }
  await addSandboxUser(email, sandbox);
}

/** A separate browser (its own cookies) for another person, or the same person signing in afresh. */
export async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Someone starts a sign-in from the account's SSO page and signs in at the sandbox. */
export async function startSsoSignIn(page: Page, slug: string, buttonText: string, email: string) {
  await page.goto(`/sso/${slug}`);
  await page.getByRole("button", { name: buttonText }).click();
  await signInAtSandbox(page, email);
}

/**
 * An Okta connection (emails trusted only with a verified claim) switched on, and a member whose
 * IdP email is unverified: their SSO sign-in now waits for the confirmation email.
 */
export async function holdSignInForEmailConfirmation(browser: Browser, page: Page) {
  const { team, buttonText } = await configureOkta(page, { emailTrust: "verify_with_claim" });
  await authenticateAndSwitchOn(page, team.admin.email);
  const unverified = `unverified-${team.tag}@e2e.test`;
  await addMember(team, unverified, { emailVerified: false });
  const member = await freshPage(browser);
  const startedAt = new Date();
  await startSsoSignIn(member, team.account.slug, buttonText, unverified);
  await expect(member.getByRole("heading", { name: "Confirm your email to finish" })).toBeVisible();
  return { team, buttonText, unverified, member, startedAt };
}
