export * from "./checks";
export * from "./connection-input";
export { ssoUrls, type SsoContext } from "./context";
export { guardedFetch, OutboundRefusedError, PUBLIC_ONLY, type GuardedFetch, type OutboundPolicy } from "./outbound";
export { getJackson, defaultSsoDatabaseUrl, JACKSON_PRODUCT } from "./jackson";
export { saveConnection, type SaveResult, type SaveError } from "./connections/save-connection";
export { listConnectionActivity, hasPassedTestSinceSave, mergeConnectionActivity, type ConnectionActivity } from "./connections/activity";
export {
  listConnections,
  getConnection,
  getEnabledConnection,
  getConnectionView,
  listConnectionResults,
  listEnabledConnectionsForAccount,
  toConnectionView,
  type ConnectionView,
} from "./connections/queries";
export { setConnectionEnabled, deleteConnection } from "./connections/manage-connection";
export { setConnectionDisplay } from "./connections/display";
export { testConnection, type TestConnectionReport } from "./connections/test-connection";
export { startSsoFlow, type FlowStart } from "./flows/start-flow";
export { handleSamlAcs, pruneSamlSeenIds, type AcsOutcome } from "./flows/saml-acs";
export { completeOidcCallback, completeSamlCallback, completeEmailVerification, type CallbackInput } from "./flows/complete-flow";
export { peekSignInVerification } from "./flows/email-verification";
export { BROWSER_BINDING_MAX_AGE_SECONDS } from "./flows/browser-binding";
export { hasOpenFlows } from "./flows/flow-state";
export type { FlowOutcome, RequestInfo } from "./flows/finish-sign-in";
export { readVerifiedSamlResponse, type VerifiedSamlResponse } from "./saml/read-verified-response";
export { checkVerifiedResponse } from "./saml/check-verified-response";
export { ACS_REFUSALS, explainResponseRefusal } from "./saml/explain-refusal";
export { spMetadataXml, spCertificatePem } from "./sp-metadata";
export {
  sendTestEmail,
  beginTestSignIn,
  testRequestEmail,
  completeTestRequest,
  testSignInUrl,
  TEST_REQUEST_LIFETIME_HOURS,
  type TestEmailSent,
  type TestSignInStart,
} from "./connections/send-test-email";
export { markConnectionTested, type MarkedTested } from "./connections/mark-tested";
export {
  addNextCertificate,
  removeCertificate,
  refreshSamlMetadata,
  refreshAllSamlMetadata,
  SCHEDULER_ACTOR,
  type CertificateChange,
  type MetadataRefresh,
  type MetadataRefreshRun,
} from "./connections/certificates";
export {
  setConnectionLogo,
  removeConnectionLogo,
  readLogo,
  sanitizeSvg,
  LOGO_MAX_BYTES,
  NOT_AN_IMAGE,
  SVG_ENTITIES_REFUSED,
  type LogoImage,
} from "./connections/logo";
export { loginProviderInputSchema, providerMappingSchema, PROVIDER_GUIDES, type LoginProviderInput } from "./login-providers/provider-input";
export {
  providerCallbackUrl,
  resolveProviderIssuer,
  toLoginProviderView,
  listLoginProviders,
  getLoginProvider,
  getLoginProviderByIdentifier,
  isFederatedLoginEnabled,
  listLoginButtons,
  saveLoginProvider,
  setLoginProviderEnabled,
  setLoginProviderLogo,
  setFederatedLogin,
  type LoginProviderView,
  type LoginButton,
} from "./login-providers/manage-providers";
export { testLoginProvider } from "./login-providers/test-provider";
export {
  startProviderFlow,
  completeProviderCallback,
  redeemProviderVerification,
  confirmProviderLink,
  describeProviderConfirmation,
  type ProviderOutcome,
} from "./login-providers/provider-sign-in";
export { hasOpenProviderFlows } from "./login-providers/provider-flow-state";
