import type { CoreContext } from "@gatehouse/core";
import type { GuardedFetch } from "./outbound";

/** What the SSO operations need: the core context plus the key for secrets and Jackson's settings. */
export type SsoContext = CoreContext & {
  /** ENCRYPTION_KEY: encrypts client secrets here and every row Jackson stores. */
  encryptionKey: string;
  /** PostgreSQL URL for Jackson's own database (created on first use). */
  ssoDatabaseUrl: string;
  /**
   * The one fetch for admin-supplied URLs (metadata, discovery, JWKS, token, userinfo), built by
   * `guardedFetch` from the deployment's outbound policy (which address kinds it may contact).
   */
  fetchImpl: GuardedFetch;
};

/** The URLs an admin pastes into their IdP: one set for every account. */
export function ssoUrls(appUrl: string) {
  return {
    oidcRedirectUri: `${appUrl}/api/sso/oidc/callback`,
    samlAcsUrl: `${appUrl}/api/oauth/saml`,
    spEntityId: `${appUrl}/api/sso/saml/metadata`,
    spMetadataUrl: `${appUrl}/api/sso/saml/metadata`,
    spCertificateUrl: `${appUrl}/api/sso/saml/certificate`,
    /** Where Jackson hands SAML sign-ins back to us (code + state). */
    samlCallbackUri: `${appUrl}/api/sso/saml/callback`,
  };
}
