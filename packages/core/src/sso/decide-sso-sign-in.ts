import type { MemberRole } from "@gatehouse/db";
import { emailDomain } from "../email-address";
import { decideIdentityLink, type IdentityLinkInput } from "./decide-identity-link";
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
  /** What is known of this identity (its subject's link) and of the user its email names. */
  identity: Pick<IdentityLinkInput, "linkedUser" | "userWithEmail">;
  /** For Authenticate and test sign-ins: the email the person is expected to come back with. */
  expectedEmail: string | null;
  /** The email falls under one of the connection account's verified domains (most specific wins). */
  emailOnVerifiedDomain: boolean;
  /** This IdP identity already proved this email by a verification link. */
  emailProvenBefore: boolean;
  /**
   * Authenticate run by a setup link's recipient, who is not a member: the IdP returning the
   * expected email proves the settings, and no member is looked for.
   */
  bySetupLinkRecipient?: boolean;
};

export type SsoRefusal = {
  code:
    | "connection_disabled"
    | "no_email"
    | "wrong_hosted_domain"
    | "domain_not_allowed"
    | "email_mismatch"
    | "not_a_member"
    | "email_linked_to_other_identity"
    | "existing_user_outside_account";
  message: string;
  advice: string;
};

export type SsoDecision =
  /** `link`: this is the identity's first sign-in, to be linked to the user now. */
  | { outcome: "sign_in"; userId: string; link: boolean }
  /** A known identity whose user had left the account, brought back by JIT. */
  | { outcome: "rejoin"; userId: string; role: MemberRole }
  | { outcome: "provision"; role: MemberRole }
  | { outcome: "verify_email" }
  /** Authenticate by a setup link's recipient passed: a result to record, nobody to sign in. */
  | { outcome: "settings_proven" }
  | { outcome: "refuse"; refusal: SsoRefusal };

const refuse = (code: SsoRefusal["code"], message: string, advice: string): SsoDecision => ({ outcome: "refuse", refusal: { code, message, advice } });

/** Whether the email the IdP sent can be believed without an extra verification email. */
export function isEmailTrusted(input: Pick<SsoDecisionInput, "connection" | "profile" | "emailOnVerifiedDomain" | "emailProvenBefore">): boolean {
  if (input.emailProvenBefore) return true;
  switch (input.connection.emailTrust) {
    case "trust":
      return true;
    case "always_verify":
      return false;
    case "verify_with_claim":
      return input.profile.emailVerified === true;
    case "verified_domains":
      return input.emailOnVerifiedDomain;
  }
}

/**
 * Who an SSO sign-in is, and what happens to them. A known identity (by the IdP's subject) signs
 * in as the user it was linked to; a first sign-in links only to a member of this account (or a
 * user on the account's verified domain), and JIT creates only new users
 * (decideIdentityLink). Google Workspace accepts only its hosted domain.
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
    return refuse(
      "domain_not_allowed",
      `Emails at ${domain} may not sign in through this connection.`,
      `Allowed domains: ${connection.allowedDomains.join(", ")}. An admin can add ${domain} in the connection's settings.`,
    );
  }
  if (input.expectedEmail && input.expectedEmail !== profile.email) {
    return refuse(
      "email_mismatch",
      `The email the IdP sent (${profile.email}) does not match ${purpose === "authenticate" ? "yours" : "the tested member's"} (${input.expectedEmail}).`,
      "Sign in at the IdP as that person, or change the attribute mapping so the email field carries the user's primary email.",
    );
  }
  const identity = input.identity;
  if (purpose !== "sign_in") {
    // Authenticate and test sign-ins prove the settings and create no session or link.
    if (purpose === "authenticate" && input.bySetupLinkRecipient) return { outcome: "settings_proven" };
    const member = [identity.linkedUser, identity.userWithEmail].find((u) => u?.isMember);
    return member ? { outcome: "sign_in", userId: member.userId, link: false } : notAMember(profile.email);
  }
  const link = decideIdentityLink({ ...identity, emailDomainVerified: input.emailOnVerifiedDomain, provisioningMode: connection.provisioningMode });
  switch (link.outcome) {
    case "refuse":
      if (link.reason === "existing_user_outside_account") return { outcome: "refuse", refusal: existingLoginRefusal(profile.email) };
      if (link.reason === "email_linked_to_other_identity") {
        return refuse(
          "email_linked_to_other_identity",
          `${profile.email} already signs in here with another account at this identity provider.`,
          "Sign in with the identity provider account you used before. If that account was replaced, ask your admin to contact support to move the login.",
        );
      }
      return notAMember(profile.email);
    case "linked":
      // The identity is known by its subject: the email it asserts today decides nothing.
      return { outcome: "sign_in", userId: link.userId, link: false };
    case "rejoin":
      return { outcome: "rejoin", userId: link.userId, role: connection.jitRole };
    case "link":
    case "provision":
      // A new link or a new user rests on the email, so it must be believable.
      if (!isEmailTrusted(input)) return { outcome: "verify_email" };
      return link.outcome === "link" ? { outcome: "sign_in", userId: link.userId, link: true } : { outcome: "provision", role: connection.jitRole };
  }
}

/** The email already has a login outside this account: this account's IdP may not claim it. */
export const existingLoginRefusal = (email: string): SsoRefusal => ({
  code: "existing_user_outside_account",
  message: "This person already has a login here; invite them to the account instead.",
  advice: `An admin of this account can invite ${email} from the Team page. Once they accept, they can sign in with SSO.`,
});

const notAMember = (email: string): SsoDecision =>
  refuse("not_a_member", `${email} is not a member of this account.`, "Ask your admin to add you to the team, then sign in again.");
