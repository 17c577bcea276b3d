export type SsoErrorExplanation = { message: string; advice: string };

type Rule = { test: RegExp; message: string; advice: string };

// Error texts from IdPs (via openid-client and Jackson) mapped to the fix an admin can make.
const RULES: Rule[] = [
  {
    test: /invalid_client|client authentication failed|client_secret|AADSTS7000215|AADSTS7000222/i,
    message: "The identity provider refused the client ID or client secret.",
    advice:
      "Check the client ID, and paste the client secret again. In Microsoft Entra, copy the secret's Value, not its Secret ID. Also check the token endpoint auth method matches the app in your IdP.",
  },
  {
    test: /not assigned|app_not_configured_for_user|AADSTS50105|access_denied|user is not assigned/i,
    message: "The identity provider did not let this person into the app.",
    advice:
      "Add yourself (or the member) to the app in your IdP: in Okta, Assignments; in Entra, Users and groups; in Google Workspace, turn the app on for the user's organisational unit.",
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
    advice:
      "Your IdP may have rotated its signing certificate: re-read the metadata, or paste the current certificate. Make sure the response or assertion is signed.",
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

// An IdP's OAuth error ("invalid_scope: …") is worth showing as is; anything else unknown may be
// our own exception text ("Cannot read properties of undefined"), which is never shown or audited.
const IDP_ERROR_CODE = /^[a-z][a-z0-9_]{2,40}(?::\s|$)/;

/**
 * Explains an SSO failure in words an admin can act on. Unknown IdP error codes keep their text;
 * other unknown errors get a general sentence (the caller logs the raw text for operators).
 */
export function explainSsoError(raw: string): SsoErrorExplanation {
  const rule = RULES.find((r) => r.test.test(raw));
  if (rule) return { message: rule.message, advice: rule.advice };
  if (IDP_ERROR_CODE.test(raw))
    return { message: `The identity provider refused the sign-in: ${raw.slice(0, 300)}`, advice: "Run Test Connection to check the settings, then try again." };
  return {
    message: "The sign-in failed because of an unexpected error.",
    advice: "Try again. If it keeps failing, run Test Connection; the server log has the details.",
  };
}
