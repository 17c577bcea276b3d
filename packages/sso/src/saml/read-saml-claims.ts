import { createHash } from "node:crypto";

type SamlProfile = { claims: Record<string, unknown> };
type Saml20 = { parse(rawAssertion: string): Promise<SamlProfile> };
type MappedClaims = { raw: Record<string, unknown>; id?: unknown; email?: unknown };
type JacksonClaims = { map(claims: Record<string, unknown>): MappedClaims };

/** A CommonJS module's `exports.default`, however the loader (Node, tsx, the bundler) wraps it. */
function defaultExport<T>(module: { default?: unknown }, has: string): T {
  const outer = module.default as Record<string, unknown> | undefined;
  return (outer && has in outer ? outer : (outer?.default ?? module)) as T;
}

/**
 * The claims of an assertion whose signature and conditions we have already checked, read
 * exactly as Jackson 26.2 reads them (its @boxyhq/saml20 parser and its claim mapping), so
 * identities keyed before keep their key: `nameID` is Jackson's profile id (an `id` or
 * nameidentifier attribute, else the Subject's NameID, else a hash of the email).
 */
export async function readSamlClaims(assertionXml: string): Promise<Record<string, unknown>> {
  const saml20 = defaultExport<Saml20>(await import("@boxyhq/saml20"), "parse");
  // Pinned to @boxyhq/saml-jackson 26.2.0: the mapping its extractSAMLResponseAttributes applies.
  const jacksonClaims = defaultExport<JacksonClaims>(await import("@boxyhq/saml-jackson/dist/saml/claims.js"), "map");
  const profile = jacksonClaims.map((await saml20.parse(assertionXml)).claims);
  if (!profile.id && typeof profile.email === "string") profile.id = createHash("sha256").update(profile.email).digest("hex");
  // The NameID is the identity's key: an attribute that happens to be called "nameID" must not replace it.
  const claims: Record<string, unknown> = { ...profile.raw, nameID: profile.id };
  if (claims.email === undefined && profile.email) claims.email = profile.email;
  return claims;
}
