import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { deploymentSettings, loginProviders, type Database } from "@gatehouse/db";
import { DEFAULT_PROVIDER_MAPPING, encryptSecret, setStaff } from "@gatehouse/core";
import { signInAtSandbox, type OidcProfile } from "./sandbox";

const sandboxUrl = () => process.env.IDP_SANDBOX_URL!;
const appUrl = () => process.env.APP_URL!;

/** A client at a sandbox profile whose redirect URI is the login provider's own callback. */
export async function createProviderClient(profile: OidcProfile, identifier: string) {
  const response = await fetch(`${sandboxUrl()}/api/oidc/${profile}/clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ redirect_uris: [`${appUrl()}/api/providers/${identifier}/callback`], token_endpoint_auth_method: "client_secret_post" }),
  });
  if (!response.ok) throw new Error(`client: ${response.status} ${await response.text()}`);
  return (await response.json()) as { client_id: string; client_secret: string; issuer: string; discovery_url: string };
}

export const tag = () => randomBytes(4).toString("hex");

/** A provider made straight in the database (the console itself is exercised by its own test). */
export async function seedProvider(
  db: Database,
  options: { profile?: OidcProfile; provisioningMode?: "auto_provision" | "match_only"; emailTrust?: "verify_with_claim" | "trust" | "always_verify" } = {},
) {
  const identifier = `p-${tag()}`;
  const client = await createProviderClient(options.profile ?? "google", identifier);
  const name = `Google ${identifier}`;
  await db.insert(loginProviders).values({
    identifier,
    name,
    discoveryUrl: client.discovery_url,
    issuer: client.issuer,
    clientId: client.client_id,
    clientSecretEncrypted: encryptSecret(client.client_secret, process.env.ENCRYPTION_KEY!),
    provisioningMode: options.provisioningMode ?? "auto_provision",
    emailTrust: options.emailTrust ?? "verify_with_claim",
    attributeMapping: DEFAULT_PROVIDER_MAPPING,
    buttonText: `Login with ${name}`,
    enabled: true,
  });
  await turnFederatedLoginOn(db);
  return { identifier, name, buttonText: `Login with ${name}` };
}

export async function turnFederatedLoginOn(db: Database) {
  await db
    .insert(deploymentSettings)
    .values({ id: 1, federatedLoginEnabled: true })
    .onConflictDoUpdate({ target: deploymentSettings.id, set: { federatedLoginEnabled: true } });
}

export async function makeStaff(db: Database, email: string) {
  await setStaff(db, email, true);
}

/** From /login: the provider's button, then the sandbox's own sign-in screen. */
export async function signInWithProvider(page: Page, buttonText: string, email: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: buttonText }).click();
  await signInAtSandbox(page, email);
}
