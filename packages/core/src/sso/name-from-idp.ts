/**
 * A generic connection (plain SAML or OpenID Connect) saved with the provider's default name and
 * button text would read "Sign in with SSO" beside every other one: name it after its IdP instead,
 * by the organization its SAML metadata names, else the host of the SAML or OIDC issuer ("Sign in
 * with idp.acme.com"). When another connection of the account already shows that button text, the
 * issuer's host (or a number) is added so no two read alike. Names an admin typed, and vendor
 * connections (whose defaults already say "Okta", "Google"…), stay as they are.
 */
export function nameFromIdp(input: {
  isGeneric: boolean;
  name: string;
  buttonText: string;
  defaults: { label: string; defaultButtonText: string };
  /** The SAML IdP entity ID or the OIDC issuer. */
  idpIdentifier: string | null;
  /** The SAML metadata's OrganizationDisplayName (else OrganizationName), when it has one. */
  idpOrganization?: string | null;
  /** Button texts of the account's other connections. */
  otherButtonTexts?: readonly string[];
}): { name: string; buttonText: string } {
  const kept = { name: input.name, buttonText: input.buttonText };
  if (!input.isGeneric) return kept;
  const host = input.idpIdentifier ? idpLabel(input.idpIdentifier) : null;
  const label = input.idpOrganization?.trim() || host;
  if (!label) return kept;
  const namedByUs = input.name === input.defaults.label;
  if (input.buttonText !== input.defaults.defaultButtonText) return { ...kept, name: namedByUs ? label : input.name };
  const taken = new Set((input.otherButtonTexts ?? []).map((text) => text.trim().toLowerCase()));
  const isFree = (candidate: string) => !taken.has(`sign in with ${candidate}`.toLowerCase());
  const candidates = [label, ...(host && host !== label ? [`${label} (${host})`] : []), ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${label} (${n})`)];
  const distinct = candidates.find(isFree) ?? label;
  return { name: namedByUs ? distinct : input.name, buttonText: `Sign in with ${distinct}` };
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
