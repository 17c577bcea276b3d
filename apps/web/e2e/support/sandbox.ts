import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { createDatabase } from "@gatehouse/db";
import { ensureAccount, ensureMember } from "@gatehouse/core";
import { PASSWORD } from "./fixtures";

/** The local IdP sandbox the e2e run started (apps/idp-sandbox), reached over its HTTP API. */
const sandboxUrl = () => process.env.IDP_SANDBOX_URL!;
const appUrl = () => process.env.APP_URL!;

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl()}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function addSandboxUser(email: string, extra: { emailVerified?: boolean; hostedDomain?: string; givenName?: string; familyName?: string } = {}) {
  return post<{ key: string }>("/api/users", { email, ...extra });
}

export type OidcProfile = "okta" | "entra" | "google" | "auth0" | "generic";

export function createOidcClient(profile: OidcProfile, tokenEndpointAuthMethod: "client_secret_post" | "client_secret_basic" | "none" = "client_secret_post") {
  return post<{ client_id: string; client_secret?: string; issuer: string; discovery_url: string }>(`/api/oidc/${profile}/clients`, {
    redirect_uris: [`${appUrl()}/api/sso/oidc/callback`],
    token_endpoint_auth_method: tokenEndpointAuthMethod,
  });
}

export function createSamlApp(name: string, options: Record<string, unknown> = {}) {
  return post<{ id: string; entityId: string; metadataUrl: string; ssoUrl: string; certificatePem: string; initiateUrl: string }>("/api/saml/apps", {
    name,
    acsUrl: `${appUrl()}/api/oauth/saml`,
    spEntityId: `${appUrl()}/api/sso/saml/metadata`,
    ...options,
  });
}

export function rotateSamlKey(appId: string, step: "rotate" | "activate-next" | "retire-old") {
  return post<unknown>(`/api/saml/apps/${appId}/keys/${step}`, {});
}

/** Signs in on the sandbox's own login screen, as a person would. */
export async function signInAtSandbox(page: Page, email: string) {
  await expect(page.getByLabel("Email")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** A fresh account whose admin and member exist both here (with a password) and at the sandbox IdP. */
export async function createSsoTeam(options: { hostedDomain?: string } = {}) {
  const tag = randomBytes(4).toString("hex");
  const db = createDatabase(process.env.DATABASE_URL!, { max: 1 });
  try {
    const account = await ensureAccount(db, { name: `SSO ${tag}`, slug: `sso-${tag}` });
    const admin = await ensureMember(db, { accountId: account.id, email: `admin-${tag}@e2e.test`, name: `Admin ${tag}`, role: "admin", password: PASSWORD });
    const member = await ensureMember(db, {
      accountId: account.id,
      email: `member-${tag}@e2e.test`,
      name: `Member ${tag}`,
      role: "member",
      password: PASSWORD,
    });
    for (const email of [admin.email, member.email]) await addSandboxUser(email, { hostedDomain: options.hostedDomain });
    return { tag, account, admin, member };
  } finally {
    await db.$client.end();
  }
}
