/**
 * A generic connection (plain SAML or OpenID Connect) saved with the provider's default name and
 * button text would read "Sign in with SSO" beside every other one: name it after its IdP instead,
 * by the host of the SAML issuer or the OIDC issuer ("Sign in with idp.acme.com"). Names an admin
 * typed, and vendor connections (whose defaults already say "Okta", "Google"…), stay as they are.
 */
export function nameFromIdp(input: {
  isGeneric: boolean;
  name: string;
  buttonText: string;
  defaults: { label: string; defaultButtonText: string };
  /** The SAML IdP entity ID or the OIDC issuer. */
  idpIdentifier: string | null;
}): { name: string; buttonText: string } {
  const kept = { name: input.name, buttonText: input.buttonText };
  if (!input.isGeneric || !input.idpIdentifier) return kept;
  const label = idpLabel(input.idpIdentifier);
  if (!label) return kept;
  return {
    name: input.name === input.defaults.label ? label : input.name,
    buttonText: input.buttonText === input.defaults.defaultButtonText ? `Sign in with ${label}` : input.buttonText,
  };
}

/** "https://www.idp.acme.com/saml2" → "idp.acme.com"; "urn:acme:idp" → "acme:idp"; anything else → null. */
function idpLabel(identifier: string): string | null {
  if (URL.canParse(identifier)) {
    const url = new URL(identifier);
    if (url.protocol === "urn:") return url.pathname.slice(0, 60) || null;
    return url.host.replace(/^www\./, "") || null;
  }
  return null;
}
