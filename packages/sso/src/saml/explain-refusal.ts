import type { ResponseRefusalCode } from "./read-verified-response";

const READ_REFUSALS: Record<ResponseRefusalCode, { message: string; advice: string }> = {
  not_a_response: { message: "This is not a SAML response we can read.", advice: "Start the sign-in again from the Gatehouse login page." },
  assertion_count: {
    message: "The SAML response must carry exactly one assertion, directly inside the response; this one does not, so it was refused.",
    advice: "Start the sign-in again. If it keeps happening, ask your admin to check the identity provider's SAML settings.",
  },
  cannot_decrypt: {
    message: "The encrypted assertion could not be decrypted with Gatehouse's SP certificate.",
    advice: "Ask your admin to give the identity provider Gatehouse's current SP certificate (shown in the connection's settings).",
  },
  signature_not_verified: {
    message: "The SAML response's signature could not be verified with any certificate this connection trusts.",
    advice: "Ask your admin to check that the connection has the identity provider's current signing certificate (Test Connection shows it).",
  },
};

/** Refusals the ACS gives before a response is attributed to a sign-in, each with its code. */
export const ACS_REFUSALS = {
  saml_not_ours: {
    message: "This SAML response does not belong to a sign-in in progress here.",
    advice: "Start the sign-in again from the Gatehouse login page.",
  },
  saml_unknown_idp: {
    message: "No connection here uses the identity provider that sent this response.",
    advice: "Check the IdP entity ID in the account's SSO settings.",
  },
  idp_initiated_off: {
    message: "Sign-in from your identity provider's dashboard is switched off for this connection.",
    advice: "Start from the Gatehouse login page instead, or ask your admin to allow IdP-initiated sign-in.",
  },
} as const;

/** What a person is told when a response cannot be read or verified. */
export function explainResponseRefusal(code: ResponseRefusalCode): { message: string; advice: string } {
  return READ_REFUSALS[code];
}
