/**
 * Which user an IdP identity signs in as. The identity is keyed by the IdP's subject (OIDC issuer
 * + sub, SAML entity ID + NameID) within one connection; the email is only an attribute. These
 * rules keep one account's IdP from vouching for a person who belongs to another account.
 */

/** A user the identity or its email points to, with what the link rules need to know of them. */
export type LinkCandidate = {
  userId: string;
  /** Member of the connection's account. */
  isMember: boolean;
};

export type IdentityLinkInput = {
  /** The user this (connection, issuer, subject) was linked to at its first sign-in, if any. */
  linkedUser: LinkCandidate | null;
  /**
   * The existing user whose email equals the asserted email, if any, and whether they already
   * have another identity (another subject) on this same connection.
   */
  userWithEmail: (LinkCandidate & { linkedToOtherSubject: boolean }) | null;
  /** The email's domain is a verified domain of the connection's account. */
  emailDomainVerified: boolean;
  provisioningMode: "match" | "jit";
};

export type IdentityLinkRefusal = "not_a_member" | "email_linked_to_other_identity" | "existing_user_outside_account";

export type IdentityLinkDecision =
  /** Known identity: sign in as the user it was linked to (whatever email it now asserts). */
  | { outcome: "linked"; userId: string }
  /** Known identity whose user left the account; JIT brings them back as a member. */
  | { outcome: "rejoin"; userId: string }
  /** First sign-in of this identity: link it to an existing member. */
  | { outcome: "link"; userId: string }
  /** First sign-in, nobody has this email: JIT creates a new user. */
  | { outcome: "provision" }
  | { outcome: "refuse"; reason: IdentityLinkRefusal };

export function decideIdentityLink(input: IdentityLinkInput): IdentityLinkDecision {
  const { linkedUser, userWithEmail } = input;
  const jit = input.provisioningMode === "jit";
  if (linkedUser) {
    if (linkedUser.isMember) return { outcome: "linked", userId: linkedUser.userId };
    return jit ? { outcome: "rejoin", userId: linkedUser.userId } : { outcome: "refuse", reason: "not_a_member" };
  }
  if (userWithEmail) {
    // Another subject already signs this person in here: a second one asserting the same email is
    // an IdP account reassigned or forged, never the same person by default.
    if (userWithEmail.linkedToOtherSubject) return { outcome: "refuse", reason: "email_linked_to_other_identity" };
    if (userWithEmail.isMember || input.emailDomainVerified) return { outcome: "link", userId: userWithEmail.userId };
    // JIT creates new users only: an existing login elsewhere is never taken over by this IdP.
    return { outcome: "refuse", reason: "existing_user_outside_account" };
  }
  return jit ? { outcome: "provision" } : { outcome: "refuse", reason: "not_a_member" };
}
