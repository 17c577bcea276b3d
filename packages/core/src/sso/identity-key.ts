/**
 * The key of an IdP identity: who the IdP says this is, in its own terms. OIDC: the ID token's
 * `iss` and `sub`; SAML: the IdP's entity ID and the assertion's NameID. Never the email, which an
 * IdP admin can set to anything.
 */
export type IdentityKey = { issuer: string; subject: string };

export function identityKeyOf(input: {
  provider: "google" | "okta" | "entra" | "oidc" | "saml";
  claims: Record<string, unknown>;
  /** The connection's SAML IdP entity ID, or its OIDC issuer as discovered. */
  connectionIssuer: string | null;
}): IdentityKey | null {
  const { claims } = input;
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : null);
  if (input.provider === "saml") {
    const subject = text(claims.nameID);
    const issuer = text(input.connectionIssuer);
    return subject && issuer ? { issuer, subject } : null;
  }
  const subject = text(claims.sub);
  const issuer = text(claims.iss) ?? text(input.connectionIssuer);
  return subject && issuer ? { issuer, subject } : null;
}
