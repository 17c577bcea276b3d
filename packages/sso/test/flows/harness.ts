import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, eq, ssoConnections } from "@gatehouse/db";
import { createFreshDatabase, dropDatabase, withDatabase } from "@gatehouse/db/testing";
import { ensureAccount, ensureMember, PROVIDERS } from "@gatehouse/core";
import { createMailer } from "@gatehouse/email";
import { startSmtpCapture, type SmtpCapture } from "@gatehouse/testing/smtp";
import { startSandbox, type CreateSamlAppInput, type Sandbox } from "@gatehouse/idp-sandbox";
import { getConnection, guardedFetch, saveConnection, ssoUrls, type SsoContext } from "../../src";

/**
 * A real stack for flow tests: a fresh PostgreSQL database (and Jackson's beside it), a real SMTP
 * server, and the IdP sandbox on loopback. The app's routes are called as functions.
 */
export function useSsoStack() {
  const state = {} as { ctx: SsoContext; smtp: SmtpCapture; sandbox: Sandbox; drop: () => Promise<void> };
  beforeAll(async () => {
    const adminUrl = inject("pgAdminUrl");
    const fresh = await createFreshDatabase(adminUrl);
    const ssoName = `${new URL(fresh.url).pathname.slice(1)}_sso`;
    state.smtp = await startSmtpCapture();
    const db = createDatabase(fresh.url, { max: 4 });
    const appUrl = `http://localhost:${40000 + Math.floor(Math.random() * 9000)}`;
    state.ctx = {
      db,
      mailer: createMailer({ db, smtpUrl: state.smtp.smtpUrl, from: "Gatehouse <no-reply@gatehouse.test>", logger: { warn() {} } }),
      appUrl,
      encryptionKey: "test-encryption-key-0123456789abcdef",
      ssoDatabaseUrl: withDatabase(adminUrl, ssoName),
      // As in development: the IdP sandbox is on loopback; private networks stay refused.
      fetchImpl: guardedFetch({ allowLoopback: true, allowPrivate: false }),
    };
    state.sandbox = await startSandbox({ port: 0, appUrl });
    state.drop = async () => {
      await fresh.drop();
      await dropDatabase(adminUrl, ssoName);
    };
  });
  afterAll(async () => {
    await state.sandbox.stop();
    state.ctx.mailer.close();
    await state.ctx.db.$client.end();
    await state.smtp.stop();
    await state.drop();
  });
  return state;
}

export async function makeTeam(ctx: SsoContext, tag: string) {
  const account = await ensureAccount(ctx.db, { name: `Acct ${tag}`, slug: `acct-${tag}` });
  const admin = await ensureMember(ctx.db, { accountId: account.id, email: `admin@${tag}.test`, name: "Admin", role: "admin", password: "admin-password" });
  const member = await ensureMember(ctx.db, { accountId: account.id, email: `member@${tag}.test`, name: "Member", role: "member", password: null });
  return { account, admin, member, actor: { userId: admin.id, label: admin.email, ip: "127.0.0.1" } };
}

export const baseSettings = (provider: keyof typeof PROVIDERS) => ({
  name: `${PROVIDERS[provider].label} test`,
  description: "",
  buttonText: PROVIDERS[provider].defaultButtonText,
  provisioningMode: "match",
  jitRole: "member",
  allowedDomains: "",
  emailTrust: "trust",
  attributeMapping: PROVIDERS[provider].defaultMapping,
});

/** A SAML connection from a fresh sandbox app's metadata URL, enabled as if Authenticate passed. */
export async function makeSamlConnection(
  state: ReturnType<typeof useSsoStack>,
  tag: string,
  options: { idpInitiatedEnabled?: boolean; clockSkewSeconds?: number; provisioningMode?: "match" | "jit"; app?: Partial<CreateSamlAppInput> } = {},
) {
  const team = await makeTeam(state.ctx, tag);
  const urls = ssoUrls(state.ctx.appUrl);
  const app = state.sandbox.createSamlApp({ acsUrl: urls.samlAcsUrl, spEntityId: urls.spEntityId, name: tag, ...options.app });
  const saved = await saveConnection(state.ctx, {
    accountId: team.account.id,
    actor: team.actor,
    data: {
      ...baseSettings("saml"),
      provider: "saml",
      samlSource: "metadata_url",
      metadataUrl: app.metadataUrl,
      provisioningMode: options.provisioningMode ?? "match",
      clockSkewSeconds: options.clockSkewSeconds ?? 120,
      idpInitiatedEnabled: options.idpInitiatedEnabled ?? false,
    },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  await state.ctx.db.update(ssoConnections).set({ enabled: true, verifiedAt: new Date() }).where(eq(ssoConnections.id, saved.value.id));
  const connection = (await getConnection(state.ctx.db, team.account.id, saved.value.id))!;
  return { ...team, app, connection };
}

/** An OIDC connection to a sandbox profile with a fresh client; enabled as if Authenticate passed, unless `proven: false`. */
export async function makeOidcConnection(
  state: ReturnType<typeof useSsoStack>,
  tag: string,
  options: {
    provider?: "okta" | "entra" | "google" | "oidc";
    extra?: Record<string, unknown>;
    authMethod?: "client_secret_post" | "client_secret_basic" | "none";
    proven?: boolean;
  } = {},
) {
  const { provider = "okta", extra = {}, authMethod = "client_secret_post", proven = true } = options;
  const team = await makeTeam(state.ctx, tag);
  const profile = provider === "oidc" ? "generic" : provider;
  const client = await state.sandbox.createOidcClient(profile, {
    redirectUris: [ssoUrls(state.ctx.appUrl).oidcRedirectUri],
    tokenEndpointAuthMethod: authMethod,
  });
  const saved = await saveConnection(state.ctx, {
    accountId: team.account.id,
    actor: team.actor,
    data: {
      ...baseSettings(provider),
      provider,
      discoveryInput: state.sandbox.oidcIssuer(profile),
      clientId: client.client_id,
      clientSecret: client.client_secret ?? "",
      tokenEndpointAuthMethod: authMethod,
      scopes: "openid profile email",
      googleHostedDomain: "",
      ...extra,
    },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  if (proven) await state.ctx.db.update(ssoConnections).set({ enabled: true, verifiedAt: new Date() }).where(eq(ssoConnections.id, saved.value.id));
  return { ...team, clientSecret: client.client_secret, connection: (await getConnection(state.ctx.db, team.account.id, saved.value.id))! };
}

/** The ID and RelayState of the AuthnRequest Jackson sent to the IdP (HTTP-Redirect binding). */
export function readAuthnRequest(redirectUrl: string): { id: string; relayState: string } {
  const url = new URL(redirectUrl);
  const xml = inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest")!, "base64")).toString("utf8");
  return { id: /\sID="([^"]+)"/.exec(xml)![1]!, relayState: url.searchParams.get("RelayState")! };
}
