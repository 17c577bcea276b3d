import { displayName, subjectIds, upnOf, type TestUser } from "../users";

export type OidcProfileId = "okta" | "entra" | "google" | "auth0" | "generic";

export const OIDC_PROFILE_IDS: readonly OidcProfileId[] = ["okta", "entra", "google", "auth0", "generic"];

/** Fixed so Entra issuers and `tid` claims are the same on every run. */
export const ENTRA_TENANT_ID = "4f2c8e1a-7b3d-4c6e-9a5f-1d2e3c4b5a69";

export interface ClaimContext {
  /** Sandbox base URL, for claims that are URLs (Google's `picture`). */
  baseUrl: string;
}

export interface OidcProfile {
  id: OidcProfileId;
  /** Login screen heading and page title. */
  title: string;
  /** Vendor name as it appears in Gatehouse's Configure SSO wizard. */
  vendor: string;
  accent: string;
  /** Issuer path below the sandbox base URL; also where the provider is mounted. */
  issuerPath: string;
  /** Endpoint paths below the issuer, shaped like the vendor's so logs look familiar. */
  routes?: Record<string, string>;
  /** Which claims each scope releases (oidc-provider `claims` configuration). */
  claimsByScope: Record<string, string[]>;
  subject(user: TestUser): string;
  claims(user: TestUser, context: ClaimContext): Record<string, unknown>;
  /** How to fill Gatehouse's Configure SSO wizard, shown on the index page. */
  wizardSteps: string[];
}

function compact(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}

function emailVerified(user: TestUser): boolean | undefined {
  return user.email === undefined ? undefined : (user.emailVerified ?? true);
}

const okta: OidcProfile = {
  id: "okta",
  title: "Okta sandbox",
  vendor: "Okta",
  accent: "#00297a",
  issuerPath: "/oidc/okta",
  routes: {
    authorization: "/oauth2/v1/authorize",
    token: "/oauth2/v1/token",
    userinfo: "/oauth2/v1/userinfo",
    jwks: "/oauth2/v1/keys",
    end_session: "/oauth2/v1/logout",
    revocation: "/oauth2/v1/revoke",
  },
  claimsByScope: {
    // Okta org authorization servers put a configured groups claim in every ID token.
    openid: ["sub", "groups"],
    profile: ["name", "given_name", "family_name", "preferred_username", "locale", "zoneinfo"],
    email: ["email", "email_verified"],
    groups: ["groups"],
  },
  subject: (user) => subjectIds(user).okta,
  claims: (user) =>
    compact({
      sub: subjectIds(user).okta,
      email: user.email,
      email_verified: emailVerified(user),
      name: displayName(user),
      given_name: user.givenName,
      family_name: user.familyName,
      preferred_username: user.email,
      locale: user.locale ?? "en-US",
      zoneinfo: user.zoneinfo ?? "America/Los_Angeles",
      groups: user.groups ?? [],
    }),
  wizardSteps: ["Provider: Okta (OIDC).", "Okta domain / issuer: the issuer below.", "Client ID and client secret: the demo client below."],
};

const entraIssuerPath = `/oidc/entra/${ENTRA_TENANT_ID}/v2.0`;

const entra: OidcProfile = {
  id: "entra",
  title: "Microsoft Entra ID sandbox",
  vendor: "Microsoft Entra ID",
  accent: "#0078d4",
  issuerPath: entraIssuerPath,
  routes: {
    authorization: "/oauth2/v2.0/authorize",
    token: "/oauth2/v2.0/token",
    userinfo: "/oidc/userinfo",
    jwks: "/discovery/v2.0/keys",
    end_session: "/oauth2/v2.0/logout",
  },
  claimsByScope: {
    openid: ["sub", "tid", "oid"],
    profile: ["name", "given_name", "family_name", "preferred_username", "upn"],
    email: ["email"],
  },
  subject: (user) => subjectIds(user).entraSub,
  claims: (user) =>
    compact({
      sub: subjectIds(user).entraSub,
      oid: subjectIds(user).entraOid,
      tid: ENTRA_TENANT_ID,
      preferred_username: upnOf(user),
      upn: upnOf(user),
      // Entra omits email entirely for accounts without a mailbox; Gatehouse must cope.
      email: user.email,
      name: displayName(user),
      given_name: user.givenName,
      family_name: user.familyName,
    }),
  wizardSteps: [
    "Provider: Microsoft Entra ID (OIDC).",
    `Tenant (directory) ID: ${ENTRA_TENANT_ID}.`,
    "If the wizard builds the login.microsoftonline.com URL from the tenant ID, use the discovery URL below instead — there is no internet here.",
    "Application (client) ID and client secret: the demo client below.",
  ],
};

const google: OidcProfile = {
  id: "google",
  title: "Google Workspace sandbox",
  vendor: "Google Workspace",
  accent: "#1a73e8",
  issuerPath: "/oidc/google",
  routes: {
    authorization: "/o/oauth2/v2/auth",
    token: "/token",
    userinfo: "/v1/userinfo",
    jwks: "/oauth2/v3/certs",
    revocation: "/revoke",
  },
  claimsByScope: {
    openid: ["sub", "hd"],
    profile: ["name", "given_name", "family_name", "picture"],
    email: ["email", "email_verified"],
  },
  subject: (user) => subjectIds(user).google,
  claims: (user, { baseUrl }) =>
    compact({
      sub: subjectIds(user).google,
      email: user.email,
      email_verified: emailVerified(user),
      hd: user.hostedDomain,
      name: displayName(user),
      given_name: user.givenName,
      family_name: user.familyName,
      picture: `${baseUrl}/avatars/${user.key}.svg`,
    }),
  wizardSteps: [
    "Provider: Google Workspace (OIDC).",
    "Issuer / discovery URL: below (instead of https://accounts.google.com).",
    "Client ID and client secret: the demo client below.",
    "Allowed hosted domain: acme.test (outsider@gmail.test has no hd; bob@globex.test has another).",
  ],
};

const auth0: OidcProfile = {
  id: "auth0",
  title: "Auth0 sandbox",
  vendor: "Auth0",
  accent: "#eb5424",
  issuerPath: "/oidc/auth0",
  routes: {
    authorization: "/authorize",
    token: "/oauth/token",
    userinfo: "/userinfo",
    jwks: "/.well-known/jwks.json",
    end_session: "/oidc/logout",
  },
  claimsByScope: {
    openid: ["sub"],
    profile: ["name", "given_name", "family_name", "nickname", "picture", "updated_at"],
    email: ["email", "email_verified"],
  },
  subject: (user) => subjectIds(user).auth0,
  claims: (user, { baseUrl }) =>
    compact({
      sub: subjectIds(user).auth0,
      email: user.email,
      email_verified: emailVerified(user),
      name: displayName(user),
      given_name: user.givenName,
      family_name: user.familyName,
      nickname: user.email?.split("@")[0],
      picture: `${baseUrl}/avatars/${user.key}.svg`,
      updated_at: "2026-01-01T00:00:00.000Z",
    }),
  wizardSteps: [
    "Provider: Auth0 (a login provider under /admin/identity-providers, or a generic OIDC connection).",
    "Domain / issuer: below (instead of your-tenant.us.auth0.com).",
    "Client ID and client secret: the demo client below.",
  ],
};

const generic: OidcProfile = {
  id: "generic",
  title: "OpenID Connect sandbox",
  vendor: "Generic OpenID Connect",
  accent: "#4b5563",
  issuerPath: "/oidc/generic",
  claimsByScope: {
    openid: ["sub"],
    profile: ["name", "given_name", "family_name", "preferred_username", "locale", "zoneinfo", "picture"],
    email: ["email", "email_verified"],
  },
  subject: (user) => subjectIds(user).generic,
  claims: (user, { baseUrl }) =>
    compact({
      sub: subjectIds(user).generic,
      email: user.email,
      email_verified: emailVerified(user),
      name: displayName(user),
      given_name: user.givenName,
      family_name: user.familyName,
      preferred_username: user.email ?? upnOf(user),
      locale: user.locale,
      zoneinfo: user.zoneinfo,
      picture: `${baseUrl}/avatars/${user.key}.svg`,
    }),
  wizardSteps: ["Provider: Other / generic OpenID Connect.", "Discovery URL: below.", "Client ID and client secret: the demo client below."],
};

export const OIDC_PROFILES: Record<OidcProfileId, OidcProfile> = { okta, entra, google, auth0, generic };

export function isOidcProfileId(value: string): value is OidcProfileId {
  return (OIDC_PROFILE_IDS as readonly string[]).includes(value);
}
