import { emailDomain } from "../email-address";

/** The email trust modes a login provider offers (verified_domains is for account connections). */
export type ProviderEmailTrust = "verify_with_claim" | "trust" | "always_verify";

export type ProviderPolicy = {
  provisioningMode: "auto_provision" | "match_only";
  /** Empty: any domain. Lower-case. */
  allowedDomains: string[];
  emailTrust: ProviderEmailTrust;
};

export type ProviderSignInInput = {
  /** sign_in from /login; link: a signed-in user (`signedInUserId`) started it from their settings. */
  purpose: "sign_in" | "link";
  signedInUserId: string | null;
  provider: ProviderPolicy;
  email: string | null;
  /** The provider's `email_verified` claim, if it sent one. */
  emailVerifiedClaim: boolean | null;
  /** The person just clicked our verification link for this identity and email. */
  emailProven: boolean;
  /** The user this (provider, issuer, subject) is linked to, if any. */
  linkedUserId: string | null;
  /** The user whose login email equals the provider's email, if any. */
  userWithEmailId: string | null;
};

export type ProviderRefusalCode = "no_email" | "domain_not_allowed" | "no_matching_login" | "linked_to_someone_else";

export type ProviderSignInDecision =
  | { outcome: "sign_in"; userId: string }
  | { outcome: "link"; userId: string }
  | { outcome: "provision" }
  /** An existing login has this (trusted) email: the person must confirm linking on a screen of ours. */
  | { outcome: "confirm_link"; userId: string }
  /** The email is not trusted yet: a verification link goes to it first. */
  | { outcome: "verify_email" }
  | { outcome: "refuse"; code: ProviderRefusalCode };

/** Whether the provider's word on the email is enough under its trust mode. */
export function isProviderEmailTrusted(input: Pick<ProviderSignInInput, "provider" | "emailVerifiedClaim" | "emailProven">): boolean {
  if (input.emailProven) return true;
  if (input.provider.emailTrust === "trust") return true;
  if (input.provider.emailTrust === "verify_with_claim") return input.emailVerifiedClaim === true;
  return false;
}

function isDomainAllowed(allowed: string[], email: string): boolean {
  return allowed.length === 0 || allowed.includes(emailDomain(email));
}

/**
 * Who a login-provider sign-in is, decided from the identity key first and the email last. An
 * email match never links silently: it needs a trusted email plus the person's confirmation, or a
 * signed-in user who started the link themselves. Match-only providers never create logins.
 */
export function decideProviderSignIn(input: ProviderSignInInput): ProviderSignInDecision {
  if (input.purpose === "link") {
    if (!input.signedInUserId) return { outcome: "refuse", code: "linked_to_someone_else" };
    if (input.linkedUserId && input.linkedUserId !== input.signedInUserId) return { outcome: "refuse", code: "linked_to_someone_else" };
    return { outcome: "link", userId: input.signedInUserId };
  }
  if (input.linkedUserId) return { outcome: "sign_in", userId: input.linkedUserId };
  if (!input.email) return { outcome: "refuse", code: "no_email" };
  if (!isDomainAllowed(input.provider.allowedDomains, input.email)) return { outcome: "refuse", code: "domain_not_allowed" };
  const trusted = isProviderEmailTrusted(input);
  if (input.userWithEmailId) return trusted ? { outcome: "confirm_link", userId: input.userWithEmailId } : { outcome: "verify_email" };
  if (input.provider.provisioningMode === "match_only") return { outcome: "refuse", code: "no_matching_login" };
  return trusted ? { outcome: "provision" } : { outcome: "verify_email" };
}
