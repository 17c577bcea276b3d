import { fail, ok, type Result } from "./result";
import { parseWebUrl } from "./url";

const SSO_URL_FIELD = "Single Sign-On URL";
// SAML 2.0 core §8.3.6 caps entity identifiers at 1024 characters.
const MAX_ENTITY_ID_LENGTH = 1024;

/** The IdP's Single Sign-On URL, for a SAML connection entered by hand. */
export function validateSsoUrl(input: string): Result<string> {
  const url = parseWebUrl(input, SSO_URL_FIELD);
  if (!url.ok) return url;
  return ok(url.value.href);
}

/** The IdP's Entity ID (Okta calls it "Identity Provider Issuer"), compared byte for byte in responses. */
export function validateIdpEntityId(input: string): Result<string> {
  const value = input.trim();
  if (value === "") {
    return fail("Enter the identity provider's Entity ID (also called Issuer), exactly as your identity provider shows it.");
  }
  // Whitespace or control characters inside an entity ID are always a copy-paste accident.
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    return fail("The Entity ID must not contain spaces or line breaks. Copy it again from your identity provider, as a single line.");
  }
  if (value.length > MAX_ENTITY_ID_LENGTH) {
    return fail(`The Entity ID is ${value.length} characters long; SAML allows at most ${MAX_ENTITY_ID_LENGTH}. Check that you copied only the Entity ID.`);
  }
  return ok(value);
}
