import type { LoginProviderAttributeMapping } from "@gatehouse/db";
import { normaliseEmail, isEmailShaped } from "../email-address";

export const DEFAULT_PROVIDER_MAPPING: LoginProviderAttributeMapping = {
  username: "preferred_username",
  email: "email",
  name: "name",
  picture: "picture",
  website: "website",
  company: "company",
  locale: "locale",
};

export type ProviderProfile = { [K in keyof LoginProviderAttributeMapping]: string | null } & { emailVerified: boolean | null };

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === "string" && value.trim() ? value.trim().slice(0, 500) : null;
}

/** The profile a provider's claims give under its attribute mapping; a malformed email counts as none. */
export function mapProviderProfile(claims: Record<string, unknown>, mapping: LoginProviderAttributeMapping): ProviderProfile {
  const rawEmail = stringClaim(claims, mapping.email);
  const verified = claims.email_verified;
  return {
    username: stringClaim(claims, mapping.username),
    email: rawEmail && isEmailShaped(rawEmail) ? normaliseEmail(rawEmail) : null,
    name: stringClaim(claims, mapping.name),
    picture: stringClaim(claims, mapping.picture),
    website: stringClaim(claims, mapping.website),
    company: stringClaim(claims, mapping.company),
    locale: stringClaim(claims, mapping.locale),
    // Some providers send "true" as a string (older Cognito, some Auth0 rules).
    emailVerified: verified === true || verified === "true" ? true : verified === false || verified === "false" ? false : null,
  };
}
