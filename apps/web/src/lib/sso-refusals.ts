import { explainSsoError } from "@gatehouse/core";
import { ACS_REFUSALS, explainResponseRefusal } from "@gatehouse/sso";

/** What /sso/error shows: a fixed sentence and what to do, chosen by a code in the URL. */
export type SsoRefusalText = { message: string; advice: string };

// Texts core explains IdP errors with, taken from core itself (one sample error per rule).
const explained = (sampleError: string): SsoRefusalText => explainSsoError(sampleError);

// Codes a URL may carry, each with the only text /sso/error will show for it. The page never
// prints words from the URL (issue #12): a crafted link can choose a code, not a message.
export const SSO_REFUSALS = {
  connection_disabled: { message: "This sign-in option is switched off.", advice: "Ask your admin to switch the connection on, or sign in another way." },
  no_email: {
    message: "The identity provider sent no email address.",
    advice: "Ask your admin to send the user's email in the sign-in (for SAML, an email attribute or an emailAddress NameID).",
  },
  wrong_hosted_domain: {
    message: "This is not an account of your company's Google Workspace domain.",
    advice: "Sign in with your work Google account, not a personal one.",
  },
  domain_not_allowed: {
    message: "Your email's domain may not sign in through this connection.",
    advice: "Ask your admin to add your email's domain to the connection's allowed domains.",
  },
  email_mismatch: {
    message: "The email the identity provider sent does not match the one expected.",
    advice: "Sign in at the IdP as that person, or change the attribute mapping so the email field carries the user's primary email.",
  },
  not_a_member: { message: "Your email address is not a member of this account.", advice: "Ask your admin to add you to the team, then sign in again." },
  existing_user_outside_account: {
    message: "This person already has a login here; invite them to the account instead.",
    advice: "Ask an admin of this account to invite you from the Team page. Once you accept, you can sign in with SSO.",
  },
  email_linked_to_other_identity: {
    message: "Your email already signs in here with another account at this identity provider.",
    advice: "Sign in with the identity provider account you used before. If that account was replaced, ask your admin to contact support to move the login.",
  },
  no_subject: {
    message: "The identity provider did not say who you are (no subject), so Gatehouse cannot sign you in.",
    advice: "Ask your admin to check the connection: OIDC must send `sub`, SAML a NameID.",
  },
  other_browser: {
    message: "This sign-in was started in another browser.",
    advice: "Start again here: open the login page in this browser and sign in from there.",
  },
  flow_stale: {
    message: "This sign-in has expired or was already completed.",
    advice: "Start the sign-in again from the login page. Sign-ins must finish within 10 minutes.",
  },
  verification_stale: { message: "This verification link has expired or was already used.", advice: "Sign in again to get a new link." },
  // The ACS's own codes (`saml_<read refusal>` and ACS_REFUSALS), with the texts it gives.
  saml_assertion_count: explainResponseRefusal("assertion_count"),
  saml_signature_not_verified: explainResponseRefusal("signature_not_verified"),
  saml_cannot_decrypt: explainResponseRefusal("cannot_decrypt"),
  saml_not_a_response: explainResponseRefusal("not_a_response"),
  ...ACS_REFUSALS,
  link_incomplete: { message: "That sign-in link is incomplete.", advice: "Go back to the login page and try again." },
  admins_only: { message: "Only account admins can run Authenticate.", advice: "Ask an admin of your account." },
  not_available: { message: "This sign-in option is not available.", advice: "It may have been switched off. Sign in another way, or ask your admin." },
  idp_client: explained("invalid_client"),
  idp_not_assigned: explained("access_denied"),
  idp_redirect_uri: explained("redirect_uri"),
  saml_audience: explained("audience"),
  saml_unsigned: explained("Invalid assertion"),
  saml_signature: explained("signature"),
  saml_validity: explained("expired"),
  wrong_issuer: explained("issuer"),
  replayed: explained("replay"),
  idp_unreachable: explained("ECONNREFUSED"),
  setup_link_flow: {
    message: "This sign-in was started through a setup link, which can only run Authenticate and signs no one in.",
    advice: "Open the setup link from your email again and run Authenticate there, or sign in from the login page with your own account.",
  },
  failed: {
    message: "The single sign-on did not complete.",
    advice: "Start the sign-in again from the login page. If it keeps failing, ask your admin to run Test Connection on this sign-in option.",
  },
} satisfies Record<string, SsoRefusalText>;

export type SsoRefusalCode = keyof typeof SSO_REFUSALS;

// Messages that carry details (an email, a domain, an issuer): recognised by their fixed part.
const PATTERNS: [RegExp, SsoRefusalCode][] = [
  [/ is not an account of the Google Workspace domain /, "wrong_hosted_domain"],
  [/^Emails at .+ may not sign in through this connection\.$/, "domain_not_allowed"],
  [/^The email the IdP sent \(.*\) does not match /, "email_mismatch"],
  [/ is not a member of this account\.$/, "not_a_member"],
  [/ already signs in here with another account at this identity provider\.$/, "email_linked_to_other_identity"],
  [/^No connection here uses the identity provider /, "saml_unknown_idp"],
];

/**
 * The code for a refusal from the SSO flows: the flow's own code when this table knows it, else
 * recognised from the message. Messages this table does not know (new
 * wording, raw IdP errors) get "failed": the page then says less, never something unchecked.
 */
export function ssoRefusalCode(message: string, code?: string): SsoRefusalCode {
  if (code && Object.hasOwn(SSO_REFUSALS, code)) return code as SsoRefusalCode;
  const exact = (Object.keys(SSO_REFUSALS) as SsoRefusalCode[]).find((code) => SSO_REFUSALS[code].message === message);
  if (exact) return exact;
  return PATTERNS.find(([pattern]) => pattern.test(message))?.[1] ?? "failed";
}

/** The text for a code from a URL; anything unknown gets the general sentence. */
export function ssoRefusalText(code: unknown): SsoRefusalText {
  return typeof code === "string" && Object.hasOwn(SSO_REFUSALS, code) ? SSO_REFUSALS[code as SsoRefusalCode] : SSO_REFUSALS.failed;
}
