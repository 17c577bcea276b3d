export type { CheckItem, CheckStatus, Result } from "./result";
export type { CertificateReport } from "./certificate";
export type { FetchLike } from "./http";
export { resolveOidcDiscoveryUrl, WELL_KNOWN_OIDC, type OidcProvider, type ResolvedOidcDiscovery } from "./resolve-oidc-discovery-url";
export {
  checkOidcDiscovery,
  type CheckOidcDiscoveryInput,
  type OidcDiscoveryCheck,
  type OidcProviderMetadata,
  type TokenEndpointAuthMethod,
} from "./check-oidc-discovery";
export { inspectSamlMetadata, type SamlMetadataReport, type SamlSsoService } from "./inspect-saml-metadata";
export { fetchSamlMetadata, type FetchSamlMetadataOptions } from "./fetch-saml-metadata";
export { parseSigningCertificate } from "./parse-signing-certificate";
export { buildIdpMetadataXml, type IdpMetadataInput } from "./build-idp-metadata";
export { validateIdpEntityId, validateSsoUrl } from "./validate-idp-fields";
