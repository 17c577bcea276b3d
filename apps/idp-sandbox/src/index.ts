import type { CreateOidcClientInput, OidcClientCredentials } from "./oidc/clients";
import { OidcHub, type DemoClient } from "./oidc/hub";
import type { OidcProfileId } from "./oidc/profiles";
import type { CreateSamlAppInput, SamlApp, SigningKey } from "./saml/apps";
import type { CertificateValidity } from "./saml/certificates";
import { SamlIdp } from "./saml/idp";
import type { SamlResponseOptions } from "./saml/response";
import type { SamlAppSummary } from "./saml/summary";
import { closeServers, createHandler, listenOnLoopback, type SandboxApp } from "./server";
import { startDnsServer, type SandboxDnsServer } from "./dns/server";
export { TxtZone, startDnsServer, type SandboxDnsServer, type TxtRecord } from "./dns";

export { ENTRA_TENANT_ID, OIDC_PROFILE_IDS, OIDC_PROFILES } from "./oidc/profiles";
export type { OidcProfile, OidcProfileId } from "./oidc/profiles";
export type { CreateOidcClientInput, OidcClientCredentials, TokenEndpointAuthMethod } from "./oidc/clients";
export type { DemoClient } from "./oidc/hub";
export type { AttributeProfile, CreateSamlAppInput, EncryptionAlgorithm, SamlApp, SigningKey, SigningKeyState } from "./saml/apps";
export type { CertificateValidity } from "./saml/certificates";
export type { SamlResponseOptions } from "./saml/response";
export type { SamlAppSummary } from "./saml/summary";
export { TEST_USERS, addTestUser, findUser, loginName, subjectIds, usersFor } from "./users";
export type { IdpKind, TestUser } from "./users";

export const DEMO_SAML_APP_ID = "demo";
/**
 * A second ready-made app: Gatehouse refuses a second connection with an IdP entity ID already in
 * use, so trying SAML "by hand" after the metadata-URL walk-through needs its own entity ID.
 */
export const SECOND_DEMO_SAML_APP_ID = "demo-by-hand";

export interface SandboxOptions {
  /** 0 picks a free port (handy in tests); `url` then has the real one. */
  port: number;
  /** Gatehouse base URL for the demo clients/app. Default: SANDBOX_APP_URL or http://localhost:3000. */
  appUrl?: string;
  /** SP entity ID of the demo SAML app. Default: SANDBOX_SP_ENTITY_ID or Gatehouse's (APP_URL/api/sso/saml/metadata). */
  spEntityId?: string;
  /** Directory where SAML apps and keys are saved so they survive restarts; memory only when absent. */
  stateDir?: string;
  /** UDP port of the DNS server for `*.test` TXT records on 127.0.0.1; 0 (default) picks a free one. */
  dnsPort?: number;
}

export interface SandboxSamlApps {
  list(): SamlAppSummary[];
  /** The live app, private keys included (tests may want to sign things themselves). */
  get(id: string): SamlApp;
  summary(id: string): SamlAppSummary;
  metadata(id: string): string;
  /** Adds a 'next' key: published in metadata, not signing yet. */
  rotateKey(id: string, validity?: CertificateValidity): SigningKey;
  /** The 'next' key starts signing; the old active key becomes 'previous' (still published). */
  activateNextKey(id: string): SigningKey;
  /** 'previous' keys become 'retired' and leave the metadata. */
  retireOldKeys(id: string): SigningKey[];
}

export interface Sandbox {
  /** Always http://localhost:<port>; Jackson only allows plain http for the host "localhost". */
  url: string;
  port: number;
  appUrl: string;
  /** The TXT-record DNS server: `dns.address` is the value for Gatehouse's DNS_SERVERS. */
  dns: SandboxDnsServer;
  stop(): Promise<void>;
  oidcIssuer(profile: OidcProfileId): string;
  oidcDiscoveryUrl(profile: OidcProfileId): string;
  /** gatehouse-<profile> / sandbox-secret-<profile>; redirect URIs <appUrl>/api/oauth/oidc and <appUrl>/api/sso/oidc/callback. */
  demoOidcClients: Record<OidcProfileId, DemoClient>;
  createOidcClient(profile: OidcProfileId, input: CreateOidcClientInput): Promise<OidcClientCredentials>;
  demoSamlAppId: string;
  createSamlApp(input: CreateSamlAppInput): SamlAppSummary;
  samlApps: SandboxSamlApps;
  /** Base64 SAMLResponse for tests: wrong audience, expired, unsigned, foreign-signed, … */
  buildSamlResponse(appId: string, options: SamlResponseOptions): string;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const appUrl = (options.appUrl ?? process.env.SANDBOX_APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const spEntityId = options.spEntityId ?? process.env.SANDBOX_SP_ENTITY_ID ?? `${appUrl}/api/sso/saml/metadata`;

  // Listen first: issuers and entity IDs contain the port, which is only known now when port is 0.
  let app: SandboxApp | undefined;
  const { port, servers } = await listenOnLoopback(
    createHandler(() => app),
    options.port,
  );
  const url = `http://localhost:${port}`;
  let dns: SandboxDnsServer | undefined;

  try {
    dns = await startDnsServer({ port: options.dnsPort ?? 0 });
    const oidc = new OidcHub(url);
    await oidc.createDemoClients(appUrl);
    const saml = new SamlIdp({ baseUrl: url, stateDir: options.stateDir });
    const acsUrl = `${appUrl}/api/oauth/saml`;
    saml.ensureApp({ id: DEMO_SAML_APP_ID, name: "Gatehouse demo app", acsUrl, spEntityId });
    saml.ensureApp({ id: SECOND_DEMO_SAML_APP_ID, name: "Gatehouse demo app (for setup by hand)", acsUrl, spEntityId });
    app = {
      baseUrl: url,
      appUrl,
      oidc,
      saml,
      demoSamlAppId: DEMO_SAML_APP_ID,
      defaultAcsUrl: acsUrl,
      defaultSpEntityId: spEntityId,
      dns,
    };
  } catch (error) {
    await dns?.stop();
    await closeServers(servers);
    throw error;
  }
  const { oidc, saml } = app;

  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    appUrl,
    dns: app.dns,
    stop: () => (stopped ??= Promise.all([closeServers(servers), app.dns.stop()]).then(() => undefined)),
    oidcIssuer: (profile) => oidc.issuer(profile),
    oidcDiscoveryUrl: (profile) => oidc.discoveryUrl(profile),
    demoOidcClients: oidc.demoClients,
    createOidcClient: (profile, input) => oidc.createClient(profile, input),
    demoSamlAppId: DEMO_SAML_APP_ID,
    createSamlApp: (input) => saml.createApp(input),
    samlApps: {
      list: () => saml.list(),
      get: (id) => saml.app(id),
      summary: (id) => saml.summary(id),
      metadata: (id) => saml.metadata(id),
      rotateKey: (id, validity) => saml.rotateKey(id, validity),
      activateNextKey: (id) => saml.activateNextKey(id),
      retireOldKeys: (id) => saml.retireOldKeys(id),
    },
    buildSamlResponse: (appId, responseOptions) => saml.buildResponse(appId, responseOptions),
  };
}
