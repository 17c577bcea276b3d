import type { AttributeMapping } from "@gatehouse/db";
import { normaliseEmail } from "../email-address";

export type MappedProfile = {
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  displayName: string | null;
  username: string | null;
  picture: string | null;
  /** true/false when the IdP says so (OIDC email_verified); null when it does not say (SAML). */
  emailVerified: boolean | null;
  /** Google Workspace's hosted domain claim. */
  hostedDomain: string | null;
};

export type MappingLine = { field: keyof AttributeMapping; source: string | null; value: string | null; isFallback: boolean };

// Names IdPs commonly use, tried when the configured one is absent (Entra and ADFS use URIs).
const FALLBACKS: Record<keyof AttributeMapping, string[]> = {
  email: [
    "email",
    "mail",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    "urn:oid:0.9.2342.19200300.100.1.3",
    "upn",
    "preferred_username",
    "nameID",
  ],
  firstName: ["given_name", "firstName", "givenName", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "urn:oid:2.5.4.42"],
  lastName: ["family_name", "lastName", "sn", "surname", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "urn:oid:2.5.4.4"],
  displayName: [
    "name",
    "displayName",
    "http://schemas.microsoft.com/identity/claims/displayname",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
  ],
  username: ["preferred_username", "username", "upn", "nameID"],
  picture: ["picture", "photo"],
};

/** A claim's value as text: SAML attributes arrive as arrays, OIDC claims as scalars. */
function readClaim(claims: Record<string, unknown>, name: string): string | null {
  let value: unknown =
    name in claims
      ? claims[name]
      : name.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), claims);
  if (Array.isArray(value)) value = value[0];
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text.length > 0 ? text : null;
}

/** Which source feeds each field, and the value it gives: the admin's preview. */
export function previewMapping(claims: Record<string, unknown>, mapping: AttributeMapping): MappingLine[] {
  return (Object.keys(FALLBACKS) as (keyof AttributeMapping)[]).map((field) => {
    const configured = mapping[field];
    const direct = configured ? readClaim(claims, configured) : null;
    if (direct !== null) return { field, source: configured, value: direct, isFallback: false };
    for (const name of FALLBACKS[field]) {
      const value = readClaim(claims, name);
      if (value !== null) return { field, source: name, value, isFallback: true };
    }
    return { field, source: configured || null, value: null, isFallback: false };
  });
}

/** Applies a connection's attribute mapping to the raw claims of a sign-in. */
export function mapProfile(claims: Record<string, unknown>, mapping: AttributeMapping): MappedProfile {
  const lines = Object.fromEntries(previewMapping(claims, mapping).map((l) => [l.field, l.value])) as Record<keyof AttributeMapping, string | null>;
  const verified = claims.email_verified;
  return {
    ...lines,
    email: lines.email && lines.email.includes("@") ? normaliseEmail(lines.email) : null,
    emailVerified: verified === true || verified === "true" ? true : verified === false || verified === "false" ? false : null,
    hostedDomain: readClaim(claims, "hd")?.toLowerCase() ?? null,
  };
}
