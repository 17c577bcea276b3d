import type { AttributeMapping, SsoProvider } from "@gatehouse/db";

export type ProviderInfo = {
  label: string;
  protocol: "oidc" | "saml";
  defaultButtonText: string;
  defaultMapping: AttributeMapping;
  /** SAML carries no verified-email claim; OIDC IdPs mostly do. */
  defaultEmailTrust: "verify_with_claim" | "trust" | "always_verify" | "verified_domains";
};

const OIDC_STANDARD: AttributeMapping = {
  email: "email",
  firstName: "given_name",
  lastName: "family_name",
  displayName: "name",
  username: "preferred_username",
  picture: "picture",
};

export const PROVIDERS: Record<SsoProvider, ProviderInfo> = {
  google: {
    label: "Google Workspace",
    protocol: "oidc",
    defaultButtonText: "Sign in with Google",
    defaultMapping: OIDC_STANDARD,
    defaultEmailTrust: "verify_with_claim",
  },
  okta: { label: "Okta", protocol: "oidc", defaultButtonText: "Sign in with Okta", defaultMapping: OIDC_STANDARD, defaultEmailTrust: "verify_with_claim" },
  // Entra users without a mailbox have no `email`; their sign-in name is preferred_username/upn.
  entra: {
    label: "Microsoft Entra ID",
    protocol: "oidc",
    defaultButtonText: "Sign in with Microsoft",
    defaultMapping: { ...OIDC_STANDARD, email: "email", username: "preferred_username" },
    defaultEmailTrust: "trust",
  },
  oidc: {
    label: "OpenID Connect",
    protocol: "oidc",
    defaultButtonText: "Sign in with SSO",
    defaultMapping: OIDC_STANDARD,
    defaultEmailTrust: "verify_with_claim",
  },
  saml: {
    label: "SAML 2.0",
    protocol: "saml",
    defaultButtonText: "Sign in with SSO",
    defaultMapping: { email: "email", firstName: "firstName", lastName: "lastName", displayName: "displayName", username: "email", picture: "picture" },
    defaultEmailTrust: "verified_domains",
  },
};

export const SSO_PROVIDERS = Object.keys(PROVIDERS) as SsoProvider[];
