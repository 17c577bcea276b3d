import type { MemberRole } from "@gatehouse/db";
import { emailDomain } from "../email-address";
import type { MappedProfile } from "./map-profile";

export type SsoPurpose = "sign_in" | "authenticate" | "test_email";

export type SsoConnectionPolicy = {
  provider: "google" | "okta" | "entra" | "oidc" | "saml";
  enabled: boolean;
  provisioningMode: "match" | "jit";
  jitRole: MemberRole;
  allowedDomains: string[];
  googleHostedDomain: string | null;
  emailTrust: "verify_with_claim" | "trust" | "always_verify" | "verified_domains";
};

export type SsoDecisionInput = {
  purpose: SsoPurpose;
  connection: SsoConnectionPolicy;
  profile: MappedProfile;
  /** The member of this account whose email equals the profile's email, if any. */
  member: { userId: string } | null;
  /** For Authenticate and test sign-ins: the email the person is expected to come back with. */
  expectedEmail: string | null;
  /** The account's verified domains (empty until domain verification exists). */
  verifiedDomains: string[];
  /** This IdP identity already proved this email by a verification link. */
  emailProvenBefore: boolean;
};

export type SsoRefusal = {
  code:
    | "connection_disabled"
    | "no_email"
    | "wrong_hosted_domain"
    | "domain_not_allowed"
    | "email_mismatch"
    | "not_a_member";
  message: string;
  advice: string;
};

export type SsoDecision =
  | { outcome: "sign_in"; userId: string }
  | { outcome: "provision"; role: MemberRole }
  | { outcome: "verify_email" }
  | { outcome: "refuse"; refusal: SsoRefusal };

const refuse = (code: SsoRefusal["code"], message: string, advice: string): SsoDecision => ({ outcome: "refuse", refusal: { code, message, advice } });

/** Whether the email the IdP sent can be believed without an extra verification email. */
export function isEmailTrusted(input: Pick<SsoDecisionInput, "connection" | "profile" | "verifiedDomains" | "emailProvenBefore">): boolean {
  if (input.emailProvenBefore) return true;
  const domain = input.profile.email ? emailDomain(input.profile.email) : "";
  switch (input.connection.emailTrust) {
    case "trust":
      return true;
    case "always_verify":
      return false;
    case "verify_with_claim":
      return input.profile.emailVerified === true;
    case "verified_domains":
      return input.verifiedDomains.includes(domain);
  }
}

/**
 * Who an SSO sign-in is, and what happens to them. Members match by exact email
 * (case-insensitive, already normalised); strangers are refused unless the connection
 * provisions just in time. Google Workspace accepts only its hosted domain.
 */
export function decideSsoSignIn(input: SsoDecisionInput): SsoDecision {
  const { connection, profile, purpose } = input;
  if (purpose === "sign_in" && !connection.enabled) {
    return refuse("connection_disabled", "This sign-in option is switched off.", "Ask your admin to switch the connection on, or sign in another way.");
  }
  if (!profile.email) {
    return refuse(
      "no_email",
      "The identity provider sent no email address.",
      "Send the user's email in the sign-in (for SAML, an `email` attribute or an emailAddress NameID; for Entra users without a mailbox, map email to `upn` or `preferred_username`).",
    );
  }
  if (connection.provider === "google") {
    const expected = connection.googleHostedDomain?.toLowerCase() ?? null;
    if (!expected || profile.hostedDomain !== expected) {
      return refuse(
        "wrong_hosted_domain",
        `${profile.email} is not an account of the Google Workspace domain ${expected ?? "(not set)"}.`,
        "Sign in with your work Google account, not a personal one.",
      );
    }
  }
  const domain = emailDomain(profile.email);
  if (connection.allowedDomains.length > 0 && !connection.allowedDomains.includes(domain)) {
    return refuse("domain_not_allowed", `Emails at ${domain} may not sign in through this connection.`, `Allowed domains: ${connection.allowedDomains.join(", ")}. An admin can add ${domain} in the connection's settings.`);
  }
  if (input.expectedEmail && input.expectedEmail !== profile.email) {
    return refuse(
      "email_mismatch",
      `The email the IdP sent (${profile.email}) does not match ${purpose === "authenticate" ? "yours" : "the tested member's"} (${input.expectedEmail}).`,
      "Sign in at the IdP as that person, or change the attribute mapping so the email field carries the user's primary email.",
    );
  }
  // Authenticate and test sign-ins prove the settings; email trust matters when a session is made.
  if (purpose === "sign_in" && !isEmailTrusted(input)) return { outcome: "verify_email" };
  if (input.member) return { outcome: "sign_in", userId: input.member.userId };
  if (connection.provisioningMode === "jit" && purpose === "sign_in") return { outcome: "provision", role: connection.jitRole };
  return refuse("not_a_member", `${profile.email} is not a member of this account.`, "Ask your admin to add you to the team, then sign in again.");
}
