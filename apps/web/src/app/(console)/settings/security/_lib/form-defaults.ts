import { PROVIDERS } from "@gatehouse/core";
import { WELL_KNOWN_OIDC, type ConnectionView, type SsoProviderId } from "@gatehouse/sso";

const GOOGLE_DISCOVERY = `https://accounts.google.com${WELL_KNOWN_OIDC}`;

/** What the Configure SSO form needs to know besides its values. */
export type ConnectionFormMeta = {
  provider: SsoProviderId;
  providerLabel: string;
  protocol: "oidc" | "saml";
  connectionId: string | null;
  clientSecretMask: string | null;
  savedCertificateCount: number;
};

/**
 * The form's starting values as the flat strings it posts ("attributeMapping.email", "on" for a
 * ticked box): the saved connection's, or the provider's defaults for a new one. The client
 * secret is never among them.
 */
export function connectionFormDefaults(provider: SsoProviderId, connection: ConnectionView | null): Record<string, string> {
  const info = PROVIDERS[provider];
  const mapping = connection?.attributeMapping ?? info.defaultMapping;
  const values: Record<string, string> = {
    provider,
    name: connection?.name ?? info.label,
    description: connection?.description ?? "",
    buttonText: connection?.buttonText ?? info.defaultButtonText,
    provisioningMode: connection?.provisioningMode ?? "match",
    jitRole: connection?.jitRole ?? "member",
    allowedDomains: connection?.allowedDomains.join(", ") ?? "",
    emailTrust: connection?.emailTrust ?? info.defaultEmailTrust,
  };
  for (const [field, source] of Object.entries(mapping)) values[`attributeMapping.${field}`] = source;
  if (info.protocol === "oidc") {
    // The stored discovery URL resolves to itself, so saving unchanged keeps the connection verified.
    const discovery = connection?.discoveryUrl ?? "";
    values.discoveryInput = provider === "google" && discovery === GOOGLE_DISCOVERY ? "" : discovery;
    values.clientId = connection?.clientId ?? "";
    values.clientSecretExpiresOn = connection?.clientSecretExpiresAt?.toISOString().slice(0, 10) ?? "";
    values.tokenEndpointAuthMethod = connection?.tokenEndpointAuthMethod ?? "client_secret_post";
    values.scopes = connection?.scopes ?? "openid profile email";
    values.googleHostedDomain = connection?.googleHostedDomain ?? "";
  } else {
    values.samlSource = connection?.samlSource ?? "metadata_url";
    values.metadataUrl = connection?.metadataUrl ?? "";
    values.metadataXml = connection?.samlSource === "metadata_xml" ? (connection.metadataXml ?? "") : "";
    values.idpEntityId = connection?.idpEntityId ?? "";
    values.idpSsoUrl = connection?.idpSsoUrl ?? "";
    // Empty keeps the saved certificates (saveConnection), so nothing is prefilled here.
    values.certificatePem = "";
    values.clockSkewSeconds = String(connection?.clockSkewSeconds ?? 120);
    values.idpInitiatedEnabled = connection?.idpInitiatedEnabled ? "on" : "";
  }
  return values;
}

export function connectionFormMeta(provider: SsoProviderId, connection: ConnectionView | null): ConnectionFormMeta {
  const info = PROVIDERS[provider];
  return {
    provider,
    providerLabel: info.label,
    protocol: info.protocol,
    connectionId: connection?.id ?? null,
    clientSecretMask: connection?.clientSecretMask ?? null,
    savedCertificateCount: connection?.certificates.length ?? 0,
  };
}
