export type SsoErrorExplanation = { message: string; advice: string };

type Rule = { test: RegExp; message: string; advice: string };

// Error texts from IdPs (via openid-client and Jackson) mapped to the fix an admin can make.
const RULES: Rule[] = [
  {
    test: /invalid_client|client authentication failed|client_secret|AADSTS7000215|AADSTS7000222/i,
    message: "The identity provider refused the client ID or client secret.",
    advice: "Check the client ID, and paste the client secret again. In Microsoft Entra, copy the secret's Value, not its Secret ID. Also check the token endpoint auth method matches the app in your IdP.",
  },
  {
    test: /not assigned|app_not_configured_for_user|AADSTS50105|access_denied|user is not assigned/i,
    message: "The identity provider did not let this person into the app.",
    advice: "Add yourself (or the member) to the app in your IdP: in Okta, Assignments; in Entra, Users and groups; in Google Workspace, turn the app on for the user's organisational unit.",
  },
  {
    test: /redirect_uri|AADSTS50011|redirect uri/i,
    message: "The identity provider does not accept Gatehouse's redirect URI.",
    advice: "Copy the redirect URI from this page into the app's sign-in redirect URIs in your IdP, exactly.",
  },
  {
    test: /audience|AudienceRestriction/i,
    message: "The SAML response was made for another service provider (wrong audience).",
    advice: "Set the Audience URI (SP Entity ID) in your IdP to the SP entity ID shown on this page.",
  },
  {
    test: /Invalid assertion|unsigned|not signed|no signature/i,
    message: "The SAML response carries no valid signature.",
    advice: "In your IdP, sign the response and/or the assertion (RSA-SHA256) with the certificate this connection holds.",
  },
  {
    test: /signature|cert|thumbprint/i,
    message: "The SAML response's signature does not match the IdP certificate we hold.",
    advice: "Your IdP may have rotated its signing certificate: re-read the metadata, or paste the current certificate. Make sure the response or assertion is signed.",
  },
  {
    test: /expired|NotOnOrAfter|not yet valid|NotBefore|clock|too early|too late/i,
    message: "The SAML response is outside its validity window.",
    advice: "Check the clocks of the IdP and the Gatehouse server (both should use NTP), or raise the allowed clock skew of this connection.",
  },
  {
    test: /issuer/i,
    message: "The response came from a different issuer than this connection expects.",
    advice: "Check the IdP entity ID (issuer) of this connection, or re-read the IdP metadata.",
  },
  {
    test: /replay|already used|InResponseTo|session not found|Unable to validate state/i,
    message: "This sign-in response was already used or does not belong to a sign-in we started.",
    advice: "Start the sign-in again from Gatehouse. If you use IdP-initiated sign-in, switch it on for this connection.",
  },
  {
    test: /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|fetch failed|network/i,
    message: "Gatehouse could not reach the identity provider.",
    advice: "Check the issuer or discovery URL, and that the IdP is reachable from the Gatehouse server.",
  },
];

/** Explains an SSO failure in words an admin can act on; unknown errors keep their text. */
export function explainSsoError(raw: string): SsoErrorExplanation {
  const rule = RULES.find((r) => r.test.test(raw));
  if (rule) return { message: rule.message, advice: rule.advice };
  return { message: `The sign-in failed: ${raw.slice(0, 300)}`, advice: "Run Test Connection to check the settings, then try again." };
}
