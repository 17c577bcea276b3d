export type UnlinkFacts = {
  /** The user has a password they can sign in with. */
  hasPassword: boolean;
  /** Linked login-provider identities of the user, the one to remove included. */
  linkedProviderCount: number;
  /** Whether the identity to remove is linked to this user at all. */
  isLinked: boolean;
};

export type UnlinkDecision = { allowed: true } | { allowed: false; code: "not_linked" | "last_way_in"; message: string };

/** May a user unlink a login provider? Never when it is their only way in. */
export function decideUnlink(facts: UnlinkFacts): UnlinkDecision {
  if (!facts.isLinked) return { allowed: false, code: "not_linked", message: "That provider is not linked to your login." };
  if (!facts.hasPassword && facts.linkedProviderCount <= 1) {
    return { allowed: false, code: "last_way_in", message: "This is your only way to sign in. Set a password or link another provider first." };
  }
  return { allowed: true };
}
