export interface SamlAppUrls {
  /** Also the IdP Issuer; unique per app because Jackson rejects one IdP entity ID shared by two tenants. */
  entityId: string;
  metadataUrl: string;
  ssoUrl: string;
  initiateUrl: string;
  setupUrl: string;
}

export function samlAppUrls(baseUrl: string, appId: string): SamlAppUrls {
  const root = `${baseUrl}/saml/${encodeURIComponent(appId)}`;
  return {
    entityId: root,
    metadataUrl: `${root}/metadata`,
    ssoUrl: `${root}/sso`,
    initiateUrl: `${root}/initiate`,
    setupUrl: root,
  };
}
